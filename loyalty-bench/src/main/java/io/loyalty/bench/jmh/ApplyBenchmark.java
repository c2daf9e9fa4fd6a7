package io.loyalty.bench.jmh;

import io.loyalty.bench.ApplyFixture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code engine.apply} of a new order into the in-memory store, with the ledger write. Each iteration gets
 * a fresh engine of {@value #MEMBERS} members (untimed), then applies one new order per member; the score
 * is per order. JMH's {@code -prof gc} counts the iteration's setup too, so its allocation per operation
 * here is about three times the real one: take that figure from {@link io.loyalty.bench.RunAll}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(1)
public class ApplyBenchmark {
  /** Members, and so orders applied, per iteration. */
  public static final int MEMBERS = 5_000;

  private ApplyFixture fixture;

  /** A fresh engine per iteration, so the store never grows across iterations; then a clean heap. */
  @Setup(Level.Iteration)
  public void setUp() {
    fixture = null;
    fixture = ApplyFixture.create(MEMBERS);
    System.gc(); // the previous engine's garbage is setup's, not the measured window's
  }

  /** Applies {@value #MEMBERS} orders, one per member. */
  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public long apply() {
    long sum = 0;
    while (fixture.remaining() > 0) {
      sum += fixture.applyNext().points();
    }
    return sum;
  }
}
