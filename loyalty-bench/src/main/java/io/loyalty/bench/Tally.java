package io.loyalty.bench;

/**
 * The result the hand-written, Easy Rules and Drools variants fill for one order: per rule (by its index
 * in {@link Workload#RULE_IDS}) the points and the bit mask of the order lines it measured. Not
 * thread-safe: one per order.
 */
public final class Tally {
  private final long[] points = new long[Workload.RULE_IDS.size()];
  private final int[] lines = new int[Workload.RULE_IDS.size()];

  /** Records what rule {@code rule} earned; {@code lineMask} has bit {@code i} set for line {@code i}. */
  public void add(int rule, long points, int lineMask) {
    this.points[rule] = Math.addExact(this.points[rule], points);
    this.lines[rule] |= lineMask;
  }

  /** The points of one rule. */
  public long points(int rule) {
    return points[rule];
  }

  /** The lines one rule measured, as a bit mask. */
  public int lineMask(int rule) {
    return lines[rule];
  }

  /** The points of every rule. */
  public long total() {
    long sum = 0;
    for (long p : points) {
      sum = Math.addExact(sum, p);
    }
    return sum;
  }
}
