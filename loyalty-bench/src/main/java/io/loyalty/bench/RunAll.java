package io.loyalty.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one command: checks that the four variants agree and runs the interleaved harness (evaluation, quote,
 * apply, balance) in a child JVM with a fixed 3 GiB heap, then measures heap per member in another child
 * JVM with its own {@code -Xmx}, and prints every figure with the targets. Options: {@code --quick} (fewer rounds, 100,000 members),
 * {@code --rounds N}, {@code --warmup N}, {@code --batch-ms N}, {@code --members N}, {@code --xmx SIZE},
 * {@code --no-heap}, {@code --jmh} (also run the JMH suite with {@code -prof gc}).
 */
public final class RunAll {
  private RunAll() {}

  /** Runs everything; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    if (has(args, "--harness-only")) {
      harness(args);
      return;
    }
    boolean quick = has(args, "--quick");
    // the harness gets its own JVM with a fixed heap: no heap resizing between variants, same flags every run
    List<String> harnessArgs = new ArrayList<>(List.of("-Xms3g", "-Xmx3g", RunAll.class.getName(), "--harness-only"));
    harnessArgs.addAll(List.of(args));
    runChild(harnessArgs.toArray(String[]::new));
    if (!has(args, "--no-heap")) {
      int members = intOption(args, "--members", quick ? 100_000 : 1_000_000);
      String xmx = stringOption(args, "--xmx", quick ? "4g" : "16g");
      runChild("-Xmx" + xmx, HeapPerMember.class.getName(), Integer.toString(members));
    }
    if (has(args, "--jmh")) {
      runChild("-Xmx4g", "org.openjdk.jmh.Main", "-f", "1", "-prof", "gc", "io.loyalty.bench.jmh");
    }
  }

  private static void harness(String[] args) {
    boolean quick = has(args, "--quick");
    int warmup = intOption(args, "--warmup", quick ? 30 : 100);
    int rounds = intOption(args, "--rounds", quick ? 51 : 301);
    long batchMs = intOption(args, "--batch-ms", 10);

    header();
    Variants v = Variants.createChecked();
    System.out.printf(Locale.ROOT, "Checked: the four variants agree on %d points and the per-rule breakdown.%n%n",
        v.expected().total());
    checkApply(v);
    BalanceFixture balance = new BalanceFixture();

    ApplyVariant apply = new ApplyVariant(false);
    ApplyVariant tieredApply = new ApplyVariant(true);
    ApplyVariant termsApply = new ApplyVariant("engine: apply, tiers kept for a term", Workload::termsProgram);
    ApplyVariant walletApply = new ApplyVariant("engine: apply, v2 program (two wallets, first match)",
        Workload::walletProgram);
    Harness.Variant floor = variant("hand-written Java (floor)", true, () -> HandWritten.earn(v.order, v.customer).points(10));
    Harness.Variant eval = variant("engine: evaluate (pure)", true, () -> v.engine.evaluate(v.event).points());
    Harness.Variant easy = variant("Easy Rules 4.1.0", true, () -> v.easyRules.earn(v.order, v.customer).points(10));
    Harness.Variant drools = variant("Drools 10.2.0 (session per order)", true, () -> v.drools.earn(v.order, v.customer).points(10));
    Harness.Variant quote = variant("engine: quote (with breakdown)", true, () -> v.engine.quote(v.event).points());
    Harness.Variant engineBalance = variant("engine: balance(code, instant), 100 lots", false, balance::engineBalance);
    Harness.Variant cardBalance = variant("card.balanceAt(instant), 100 lots", false, balance::cardBalance);
    List<Harness.Variant> all = List.of(floor, eval, easy, drools, quote, apply, tieredApply, termsApply, walletApply,
        engineBalance, cardBalance);
    Harness harness = new Harness(all, warmup, rounds, batchMs);
    System.out.printf(Locale.ROOT, "Interleaved harness: %d warm-up + %d measured rounds, batches of ~%d ms ...%n",
        warmup, rounds, batchMs);
    long started = System.nanoTime();
    long sink = harness.run();
    System.out.printf(Locale.ROOT, "(%.0f s, checksum %d)%n%n", (System.nanoTime() - started) / 1e9, sink);
    System.out.println(harness.table());

    double evalRatio = Harness.medianRatio(eval, floor);
    double evalBytes = Harness.median(eval.bytesPerOp());
    double easyX = Harness.medianRatio(easy, eval);
    double droolsX = Harness.medianRatio(drools, eval);
    double applyP50 = Harness.median(apply.latencies);
    double balanceNs = Harness.median(engineBalance.nanosPerOp());
    System.out.printf(Locale.ROOT, "engine apply, per order: p50 %s, p90 %s, p99 %s (%,d orders timed one by one)%n",
        Harness.time(applyP50), Harness.time(Harness.percentile(apply.latencies, 90)),
        Harness.time(Harness.percentile(apply.latencies, 99)), apply.latencies.size());
    double tieredP50 = Harness.median(tieredApply.latencies);
    System.out.printf(Locale.ROOT, "engine apply on a tiered program, per order: p50 %s (%.2fx the untiered p50)%n",
        Harness.time(tieredP50), tieredP50 / applyP50);
    double termsP50 = Harness.median(termsApply.latencies);
    System.out.printf(Locale.ROOT, "engine apply with tiers kept for a term (seed 001's policy), per order: p50 %s"
        + " (%.2fx the untiered p50)%n", Harness.time(termsP50), termsP50 / applyP50);
    double walletP50 = Harness.median(walletApply.latencies);
    System.out.printf(Locale.ROOT, "engine apply on a v2 program, the same twelve formulas into two wallets' cards, per"
        + " order: p50 %s (%.2fx the v1 p50)%n", Harness.time(walletP50), walletP50 / applyP50);
    System.out.printf(Locale.ROOT, "Easy Rules / engine evaluate: %.1fx; Drools / engine evaluate: %.1fx (medians of rounds)%n%n",
        easyX, droolsX);
    System.out.println("| target | measured | met |");
    System.out.println("|---|---:|:---:|");
    target("evaluation <= 3x the hand-written floor", String.format(Locale.ROOT, "%.2fx", evalRatio), evalRatio <= 3);
    target("evaluation allocates <= 1 KB per order", String.format(Locale.ROOT, "%,.0f B", evalBytes), evalBytes <= 1024);
    target(">= 20x faster than Easy Rules", String.format(Locale.ROOT, "%.1fx", easyX), easyX >= 20);
    target(">= 60x faster than Drools", String.format(Locale.ROOT, "%.1fx", droolsX), droolsX >= 60);
    target("apply into the in-memory store <= 5 µs median", Harness.time(applyP50), applyP50 <= 5_000);
    target("balance as of an instant, 100 lots <= 2 µs", Harness.time(balanceNs), balanceNs <= 2_000);
    System.out.println();
  }

  /** Applies one order through a small fixture and checks it earns what the floor says. */
  private static void checkApply(Variants v) {
    ApplyFixture fixture = ApplyFixture.create(1);
    Breakdown applied = Breakdown.of(fixture.applyNext().programs().get(0));
    if (!applied.equals(v.expected())) {
      throw new IllegalStateException("engine apply disagrees with the floor: " + applied);
    }
  }

  private static void header() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "Date: %s%nJDK: %s (%s %s)%nMachine: %d cores, %.1f GiB%n%n",
        ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (double) (1L << 30));
  }

  private static void target(String what, String measured, boolean met) {
    System.out.printf("| %s | %s | %s |%n", what, measured, met ? "yes" : "**no**");
  }

  private static void runChild(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(args));
    System.out.println("$ java " + String.join(" ", command.subList(3, command.size())));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("child JVM exited with " + exit);
    }
  }

  private static Harness.Variant variant(String name, boolean ratio, java.util.function.LongSupplier op) {
    return new Harness.Variant(name, ratio, 50_000_000) {
      @Override
      protected long run(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += op.getAsLong();
        }
        return sum;
      }
    };
  }

  private static boolean has(String[] args, String flag) {
    return List.of(args).contains(flag);
  }

  private static int intOption(String[] args, String name, int fallback) {
    String value = stringOption(args, name, null);
    return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
  }

  private static String stringOption(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** {@code engine.apply} of fresh orders on a fresh fixture per batch, each order also timed alone. */
  private static final class ApplyVariant extends Harness.Variant {
    final List<Double> latencies = new ArrayList<>();
    private final java.util.function.Supplier<io.loyalty.spi.program.Program> program;
    private ApplyFixture fixture;
    private long[] times = new long[0];

    ApplyVariant(boolean tiered) {
      this(tiered ? "engine: apply, tiered program" : "engine: apply into the in-memory store",
          tiered ? Workload::tieredProgram : Workload::program);
    }

    ApplyVariant(String name, java.util.function.Supplier<io.loyalty.spi.program.Program> program) {
      super(name, false, 5_000);
      this.program = program;
    }

    @Override
    protected void prepare(int n) {
      fixture = null;
      fixture = ApplyFixture.create(n, 1, program.get());
      times = new long[n];
      System.gc(); // settle the fixture into the old generation: its copying is setup, not apply
    }

    @Override
    protected long run(int n) {
      long sum = 0;
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        sum += fixture.applyNext().points();
        times[i] = System.nanoTime() - t0;
      }
      return sum;
    }

    @Override
    protected void finish(boolean measured) {
      if (measured) {
        for (long t : times) {
          latencies.add((double) t);
        }
      }
      fixture = null;
    }
  }
}
