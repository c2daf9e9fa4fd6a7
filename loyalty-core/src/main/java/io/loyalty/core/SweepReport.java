package io.loyalty.core;

/**
 * What a sweep recorded: activations of pending points and expirations due by its instant. Sweeping again
 * records nothing more.
 *
 * @param cards cards that had something to record
 * @param activatedLots pending lots whose activation was recorded
 * @param activatedPoints their points
 * @param expiredLots lots whose expiration was recorded
 * @param expiredPoints the points that expired
 */
public record SweepReport(int cards, int activatedLots, long activatedPoints, int expiredLots, long expiredPoints) {
  /** Nothing recorded. */
  public static final SweepReport NOTHING = new SweepReport(0, 0, 0, 0, 0);

  /** The sum of two reports. */
  public SweepReport plus(SweepReport other) {
    return new SweepReport(cards + other.cards, activatedLots + other.activatedLots,
        Math.addExact(activatedPoints, other.activatedPoints), expiredLots + other.expiredLots,
        Math.addExact(expiredPoints, other.expiredPoints));
  }
}
