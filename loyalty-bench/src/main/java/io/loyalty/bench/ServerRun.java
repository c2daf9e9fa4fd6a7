package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.server.LoyaltyServer;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cost of the wire (issue 14, "Measured"): an order paid and a reward redeemed over HTTP on loopback against the
 * in-memory server, next to the same operations in-process on an engine. {@code ServerRun [ORDERS] [THREADS]}; prints
 * requests per second and p50 / p99 latencies for each, from one run.
 */
public final class ServerRun {
  private ServerRun() {}

  /** {@code ServerRun [ORDERS per thread, default 3000] [THREADS, default 1]}. */
  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    LoyaltyServer.Running server = LoyaltyServer.start(LoyaltyServer.Config.builder().port(0).keys("bench", "bench")
        .build());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://localhost:" + server.port();
    try {
      String campaign = field(send(http, base + "/v1/loyalties", "{\"name\": \"Bench\"}"), "id");
      send(http, base + "/v1/loyalties/" + campaign + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": "
          + "{\"type\": \"PROPORTIONAL\", \"calculation_type\": \"ORDER_AMOUNT\", \"order\": {\"amount\": "
          + "{\"every\": 100, \"points\": 1}}}}]");
      for (int t = 0; t < threads; t++) {
        send(http, base + "/v1/loyalties/" + campaign + "/members", "{\"customer\": {\"source_id\": \"m" + t + "\"}}");
      }
      // warm up, then measure
      run(threads, orders / 3, (t, i) -> send(http, base + "/v1/orders", order("w" + t + "_" + i, "m" + t)));
      long[] wire = run(threads, orders, (t, i) -> send(http, base + "/v1/orders", order("o" + t + "_" + i, "m" + t)));
      long[] health = run(threads, orders, (t, i) -> http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());

      LoyaltyEngine engine = LoyaltyEngine.builder().clock(Clock.systemUTC()).build();
      ProgramId program = ProgramId.of("camp_bench");
      engine.define(Program.builder(program, "Bench").earningRule(EarningRule.builder(RuleId.of("ern_1"),
          Trigger.ORDER_PAID, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build()).build());
      for (int t = 0; t < threads; t++) {
        engine.enrol(program, CustomerId.of("m" + t));
      }
      run(threads, orders / 3, (t, i) -> engine.apply(OrderPaid.of("w" + t + "_" + i, java.time.Instant.now(),
          Customer.of("m" + t), Order.ofAmount("w" + t + "_" + i, "USD", 12_345))));
      long[] local = run(threads, orders, (t, i) -> engine.apply(OrderPaid.of("o" + t + "_" + i,
          java.time.Instant.now(), Customer.of("m" + t), Order.ofAmount("o" + t + "_" + i, "USD", 12_345))));
      System.out.printf(Locale.ROOT, "%d orders paid on %d thread(s), the in-memory store:%n", orders * threads, threads);
      report("over HTTP (POST /v1/orders, status PAID)", wire);
      report("in-process (engine.apply)", local);
      report("GET /health over HTTP (the wire alone)", health);
      System.out.printf(Locale.ROOT, "HTTP p50 / in-process p50: %.1fx%n", (double) p(wire, 50) / p(local, 50));
    } finally {
      server.stop();
    }
  }

  private static String order(String id, String customer) {
    return "{\"id\": \"" + id + "\", \"status\": \"PAID\", \"amount\": 12345, \"customer\": {\"source_id\": \""
        + customer + "\"}}";
  }

  /** One operation: thread {@code t}'s {@code i}-th. */
  private interface Op {
    Object run(int t, int i) throws Exception;
  }

  /** Runs the operations on the threads; answers each one's latency in nanoseconds, then the run's in the last slot. */
  private static long[] run(int threads, int perThread, Op op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        parts.add(pool.submit(() -> {
          long[] times = new long[perThread];
          for (int i = 0; i < perThread; i++) {
            long t0 = System.nanoTime();
            op.run(thread, i);
            times[i] = System.nanoTime() - t0;
          }
          return times;
        }));
      }
      long[] all = new long[threads * perThread + 1];
      int k = 0;
      for (Future<long[]> part : parts) {
        for (long time : part.get()) {
          all[k++] = time;
        }
      }
      all[k] = System.nanoTime() - start;
      return all;
    } finally {
      pool.shutdown();
    }
  }

  private static long p(long[] timesAndTotal, int percentile) {
    long[] sorted = Arrays.copyOf(timesAndTotal, timesAndTotal.length - 1);
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static void report(String what, long[] timesAndTotal) {
    int n = timesAndTotal.length - 1;
    double seconds = timesAndTotal[n] / 1e9;
    System.out.printf(Locale.ROOT, "  %-42s %,8.0f orders/s   p50 %7.1f µs   p99 %7.1f µs%n", what, n / seconds,
        p(timesAndTotal, 50) / 1e3, p(timesAndTotal, 99) / 1e3);
  }

  private static String send(HttpClient http, String url, String body) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("X-App-Id", "bench").header("X-App-Token", "bench").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"");
    int from = at + name.length() + 4;
    return json.substring(from, json.indexOf('"', from));
  }
}
