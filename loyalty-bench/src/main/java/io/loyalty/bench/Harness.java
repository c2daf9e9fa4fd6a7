package io.loyalty.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The interleaved harness: every variant runs a timed batch in turn, round after round, in one JVM, so a
 * noisy neighbour slows them all alike and the per-round ratios to the hand-written floor stay honest.
 * Reports per variant the median time per operation, the median of its per-round ratio to the floor, and
 * the bytes it allocates per operation (the thread's allocation counter, as JMH's {@code -prof gc} does).
 */
public final class Harness {
  /** How long one batch should take once calibrated. */
  private final long batchNanos;
  private final int warmupRounds;
  private final int rounds;
  private final List<Variant> variants;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A harness over the given variants; the first is the floor the ratios are taken to. */
  public Harness(List<Variant> variants, int warmupRounds, int rounds, long batchMillis) {
    this.variants = List.copyOf(variants);
    this.warmupRounds = warmupRounds;
    this.rounds = rounds;
    this.batchNanos = batchMillis * 1_000_000L;
  }

  /** Runs the warm-up rounds (calibrating batch sizes), then the measured rounds; returns the checksum. */
  public long run() {
    threads.setThreadAllocatedMemoryEnabled(true);
    long sink = 0;
    for (int round = 0; round < warmupRounds + rounds; round++) {
      boolean measured = round >= warmupRounds;
      for (int k = 0; k < variants.size(); k++) {
        // rotate who goes first, so no variant always runs right after the same neighbour
        Variant v = variants.get((k + round) % variants.size());
        int n = v.batch;
        v.prepare(n);
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        sink += v.run(n);
        long elapsed = System.nanoTime() - t0;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
        v.finish(measured);
        if (measured) {
          v.nanosPerOp.add((double) elapsed / n);
          v.bytesPerOp.add((double) bytes / n);
        } else {
          double scale = (double) batchNanos / Math.max(1, elapsed);
          v.batch = (int) Math.max(1, Math.min(v.maxBatch, Math.round(n * Math.min(4.0, Math.max(0.25, scale)))));
        }
      }
    }
    return sink;
  }

  /** The results, one line per variant, as a Markdown table. */
  public String table() {
    Variant floor = variants.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append("| variant | median per op | p10 .. p90 | x floor (median of rounds) | allocated per op |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (Variant v : variants) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s .. %s | %s | %,.0f B |%n", v.name,
          time(median(v.nanosPerOp)), time(percentile(v.nanosPerOp, 10)), time(percentile(v.nanosPerOp, 90)),
          v.ratioToFloor ? String.format(Locale.ROOT, "%.2f", medianRatio(v, floor)) : "-", median(v.bytesPerOp)));
    }
    return sb.toString();
  }

  /** The median over rounds of {@code a}'s time divided by {@code b}'s, both measured in the same round. */
  public static double medianRatio(Variant a, Variant b) {
    int n = Math.min(a.nanosPerOp.size(), b.nanosPerOp.size());
    List<Double> ratios = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ratios.add(a.nanosPerOp.get(i) / b.nanosPerOp.get(i));
    }
    return median(ratios);
  }

  /** The median of the values. */
  public static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** The p-th percentile (nearest rank) of the values; NaN when there are none. */
  public static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** A duration in nanoseconds, written in ns or µs. */
  public static String time(double nanos) {
    return nanos < 1_000 ? String.format(Locale.ROOT, "%.0f ns", nanos) : String.format(Locale.ROOT, "%.2f µs", nanos / 1_000);
  }

  /** One measured operation: runs {@code n} of them per batch and returns a checksum of their results. */
  public abstract static class Variant {
    final String name;
    final boolean ratioToFloor;
    final int maxBatch;
    int batch = 16;
    final List<Double> nanosPerOp = new ArrayList<>();
    final List<Double> bytesPerOp = new ArrayList<>();

    /**
     * A variant.
     *
     * @param name the row's name
     * @param ratioToFloor whether a ratio to the floor means something (it does for the evaluation variants)
     * @param maxBatch the largest batch (bounds the setup of variants that need one per batch)
     */
    protected Variant(String name, boolean ratioToFloor, int maxBatch) {
      this.name = name;
      this.ratioToFloor = ratioToFloor;
      this.maxBatch = maxBatch;
    }

    /** The row's name. */
    public String name() {
      return name;
    }

    /** The measured times per operation, one per round. */
    public List<Double> nanosPerOp() {
      return nanosPerOp;
    }

    /** The measured allocation per operation, one per round. */
    public List<Double> bytesPerOp() {
      return bytesPerOp;
    }

    /** Untimed preparation of a batch of {@code n}. */
    protected void prepare(int n) {}

    /** Runs {@code n} operations; returns a checksum of their results. */
    protected abstract long run(int n);

    /** Untimed clean-up after a batch; {@code measured} tells whether it counted. */
    protected void finish(boolean measured) {}
  }
}
