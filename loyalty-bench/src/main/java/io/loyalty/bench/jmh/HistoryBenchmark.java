package io.loyalty.bench.jmh;

import io.loyalty.bench.HistoryFixture;
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
 * {@code engine.apply} of a new order (12 rules, 12 new lots) into the in-memory store on cards that already hold
 * {@code lots} lots ({@link HistoryFixture}). The cost of an apply should not grow with the card's history: compare
 * the two scores. Each iteration applies one new order to each of {@value #MEMBERS} members. Score per order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 30)
@Measurement(iterations = 20)
@Fork(1)
public class HistoryBenchmark {
  /** Members, and so orders applied, per iteration. */
  public static final int MEMBERS = 200;

  /** How many lots each card holds before the first measured order. */
  @Param({"10", "5000"})
  public int lots;

  private HistoryFixture fixture;

  /** The members and their history. */
  @Setup(Level.Trial)
  public void setUpTrial() {
    fixture = HistoryFixture.create(MEMBERS, lots);
  }

  /** The round's orders, built untimed. */
  @Setup(Level.Iteration)
  public void prepareRound() {
    fixture.prepareRound();
    System.gc();
  }

  /** Applies {@value #MEMBERS} orders, one per member. */
  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public long apply() {
    return fixture.applyRound();
  }
}
