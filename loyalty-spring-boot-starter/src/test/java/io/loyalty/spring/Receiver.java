package io.loyalty.spring;

import io.loyalty.webhooks.WebhookSignature;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP webhook receiver on a free local port (the JDK's server): it records every request and answers each with
 * the next scripted status (200 once the script is empty), or holds it until released (a slow receiver).
 */
final class Receiver implements AutoCloseable {
  /** A status the script uses for "hold this request until {@link #release()}". */
  static final int HOLD = -1;

  /** One request as received. */
  record Request(String signature, String contentType, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Integer> script = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private int otherwise = 200;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/hooks", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int status;
      synchronized (this) {
        requests.add(new Request(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
            exchange.getRequestHeaders().getFirst("Content-Type"), body));
        status = script.isEmpty() ? otherwise : script.removeFirst();
      }
      if (status == HOLD) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status = 200;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
  }

  /** Answers the next requests with these statuses, in order. */
  synchronized Receiver answer(int... statuses) {
    for (int s : statuses) {
      script.addLast(s);
    }
    return this;
  }

  /** Answers every request past the script with this status. */
  synchronized Receiver otherwise(int status) {
    this.otherwise = status;
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  void release() {
    released.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    executor.shutdownNow();
  }
}
