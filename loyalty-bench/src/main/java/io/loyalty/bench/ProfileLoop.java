package io.loyalty.bench;

import java.nio.file.Path;
import java.util.Locale;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Runs one variant in a tight loop while a JDK Flight Recording (the {@code profile} settings) watches the
 * loop only, not the setup: {@code ProfileLoop VARIANT SECONDS OUT.jfr}; then
 * {@code jfr print --events jdk.ExecutionSample OUT.jfr} gives hot methods and
 * {@code jdk.ObjectAllocationSample} allocation sites. Variants: {@code floor}, {@code evaluate},
 * {@code quote}, {@code apply}, {@code balance}, {@code easy-rules}, {@code drools}. For {@code apply},
 * the store is filled up front (100,000 members, so the loop is bounded to 4 new orders each).
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  /** {@code ProfileLoop VARIANT SECONDS [OUT.jfr]}. */
  public static void main(String[] args) throws Exception {
    String variant = args.length > 0 ? args[0] : "evaluate";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    Path out = Path.of(args.length > 2 ? args[2] : variant + ".jfr");
    Variants v = Variants.createChecked();
    BalanceFixture balance = new BalanceFixture();
    ApplyFixture fixture = variant.equals("apply") ? ApplyFixture.create(100_000, 4) : null;
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long ops = 0;
    long sink = 0;
    while (System.nanoTime() < end && (fixture == null || fixture.remaining() >= 1_000)) {
      for (int i = 0; i < 1_000; i++) {
        switch (variant) {
          case "floor" -> sink += HandWritten.earn(v.order, v.customer).points(10);
          case "evaluate" -> sink += v.engine.evaluate(v.event).points();
          case "quote" -> sink += v.engine.quote(v.event).points();
          case "balance" -> sink += balance.engineBalance();
          case "easy-rules" -> sink += v.easyRules.earn(v.order, v.customer).points(10);
          case "drools" -> sink += v.drools.earn(v.order, v.customer).points(10);
          case "apply" -> sink += fixture.applyNext().points();
          default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        ops++;
      }
    }
    recording.stop();
    recording.dump(out);
    System.out.printf(Locale.ROOT, "%s: %,d operations (checksum %d), recorded in %s%n", variant, ops, sink, out);
  }
}
