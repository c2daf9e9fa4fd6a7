package io.loyalty.bench.jmh;

import io.loyalty.bench.BalanceFixture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The balance as of an instant of a card with 100 lots: through the engine, and on the card value alone. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BalanceBenchmark {
  private BalanceFixture fixture;

  /** Builds the card by applying 100 orders. */
  @Setup
  public void setUp() {
    fixture = new BalanceFixture();
  }

  /** {@code engine.balance(code, instant)}. */
  @Benchmark
  public long engineBalance() {
    return fixture.engineBalance();
  }

  /** {@code card.balanceAt(instant)}. */
  @Benchmark
  public long cardBalanceAt() {
    return fixture.cardBalance();
  }
}
