package io.loyalty.bench.jmh;

import io.loyalty.bench.HandWritten;
import io.loyalty.bench.Tally;
import io.loyalty.bench.Variants;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
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

/** One order of 5 lines against the 12 rules, four ways, plus the engine's quote; checked to agree at setup. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluationBenchmark {
  private Variants variants;

  /** Builds and checks the variants (Drools' KieBase once). */
  @Setup
  public void setUp() {
    variants = Variants.createChecked();
  }

  /** The hand-written floor. */
  @Benchmark
  public Tally handWritten() {
    return HandWritten.earn(variants.order, variants.customer);
  }

  /** The engine's pure evaluation on the compiled program. */
  @Benchmark
  public ProgramOutcome engineEvaluate() {
    return variants.engine.evaluate(variants.event);
  }

  /** {@code engine.quote}: the evaluation with the store reads an apply would do, writing nothing. */
  @Benchmark
  public EventOutcome engineQuote() {
    return variants.engine.quote(variants.event);
  }

  /** Easy Rules 4.1.0. */
  @Benchmark
  public Tally easyRules() {
    return variants.easyRules.earn(variants.order, variants.customer);
  }

  /** Drools 10.2.0, a new session per order. */
  @Benchmark
  public Tally drools() {
    return variants.drools.earn(variants.order, variants.customer);
  }
}
