package io.loyalty.bench.jmh;

import io.loyalty.bench.CatalogFixture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code engine.apply} of a new order into the in-memory store with {@code programs} programs in the store: the
 * members' program (the workload's 12 rules) and {@code programs - 1} others with the same order-paid rules that no
 * member is in ({@link CatalogFixture}). The cost of an apply should not grow with the catalog: compare the two
 * scores. The catalog is defined once per trial; each iteration enrols {@value #MEMBERS} new members (untimed, cards
 * holding two earlier orders as in {@link ApplyBenchmark}) and applies one new order per member. Score per order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15)
@Measurement(iterations = 15)
@Fork(1)
public class CatalogBenchmark {
  /** New members, and so orders applied, per iteration. */
  public static final int MEMBERS = 5_000;

  /** How many programs the store holds. */
  @Param({"1", "1000"})
  public int programs;

  private CatalogFixture fixture;

  /** The engine and its catalog. */
  @Setup(Level.Trial)
  public void setUpTrial() {
    fixture = CatalogFixture.create(programs);
  }

  /** New members and their orders, built untimed; then a clean heap. */
  @Setup(Level.Iteration)
  public void prepareRound() {
    fixture.prepareRound(MEMBERS);
    System.gc();
  }

  /** Applies {@value #MEMBERS} orders, one per member. */
  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public long apply() {
    return fixture.applyRound();
  }
}
