package io.loyalty.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How often {@link FaultyStore} injects each fault, as probabilities per call from 0 to 0.5.
 *
 * @param failBeforeCommit a commit throws before reaching the store: nothing is written
 * @param loseAcknowledgement a commit reaches the store, then throws: written (or answered), but the caller never hears
 * @param staleRead a card or program read returns an older version this wrapper saw earlier
 * @param failRead a read throws
 * @param slowCall a call sleeps up to {@code maxDelay} first
 * @param maxDelay the longest sleep of a slow call, at most one second
 */
public record FaultPlan(
    double failBeforeCommit, double loseAcknowledgement, double staleRead, double failRead, double slowCall,
    Duration maxDelay) {

  /** No faults: the wrapper only passes calls through. */
  public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, Duration.ZERO);

  /** The kit's fault runs: 5% of commits fail before, 5% lose their acknowledgement, 5% of reads are stale. */
  public static final FaultPlan DEFAULT = new FaultPlan(0.05, 0.05, 0.05, 0.01, 0.02, Duration.ofMillis(1));

  /** Checks every probability is within 0 to 0.5 and the delay within 0 to 1 s. */
  public FaultPlan {
    Objects.requireNonNull(maxDelay, "maxDelay");
    for (double p : new double[] {failBeforeCommit, loseAcknowledgement, staleRead, failRead, slowCall}) {
      if (!(p >= 0 && p <= 0.5)) {
        throw new IllegalArgumentException("fault probabilities must be from 0 to 0.5, not " + p);
      }
    }
    if (maxDelay.isNegative() || maxDelay.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("maxDelay must be from 0 to 1 s, not " + maxDelay);
    }
  }
}
