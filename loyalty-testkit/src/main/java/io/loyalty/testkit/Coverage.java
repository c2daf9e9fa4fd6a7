package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.reward.Redemption;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the random steps of a contract did, summed over its examples: per step kind how many succeeded and how many
 * ended in a typed error, and how many faults were injected. A contract asserts its runs were not vacuous: every kind
 * succeeded at least once, and (under faults) every kind of fault was met.
 */
final class Coverage {
  private final Map<StepKind, long[]> steps = new EnumMap<>(StepKind.class);
  private final Map<String, Long> errors = new TreeMap<>();
  private final Map<FaultyStore.Fault, Long> faults = new EnumMap<>(FaultyStore.Fault.class);
  private final Map<String, Long> redemptions = new TreeMap<>();
  private final Map<String, Long> recoveries = new TreeMap<>();

  synchronized void count(StepKind kind, Outcome outcome) {
    steps.computeIfAbsent(kind, k -> new long[2])[outcome.succeeded() ? 0 : 1]++;
    if (!outcome.succeeded()) {
      errors.merge(outcome.error(), 1L, Long::sum);
    }
    if (outcome.value() instanceof Redemption r) {
      String what = r.status() + (r.failureCode() == null ? "" : " " + r.failureCode()) + " " + r.reward()
          + (r.automatic() ? " auto" : "");
      redemptions.merge(what, 1L, Long::sum);
    }
  }

  /** Counts a re-send refused with {@code refusal} after the caller's own attempt was written: read back instead. */
  synchronized void countRecovery(String refusal) {
    recoveries.merge(refusal, 1L, Long::sum);
  }

  synchronized void countFault(FaultyStore.Fault fault, long n) {
    faults.merge(fault, n, Long::sum);
  }

  synchronized long steps() {
    return steps.values().stream().mapToLong(c -> c[0] + c[1]).sum();
  }

  /** Requires every kind of the mix to have succeeded at least once. */
  synchronized void assertEveryKindSucceeded(boolean underFaults, String context) {
    for (StepKind kind : StepKind.mix(underFaults)) {
      assertThat(steps.getOrDefault(kind, new long[2])[0]).as("%s: %s steps that succeeded, in %s", context, kind, this)
          .isPositive();
    }
  }

  /** Requires some redemptions answered as succeeded, failed and rolled back. */
  synchronized void assertRedemptionsMet(String context) {
    for (Redemption.Status status : Redemption.Status.values()) {
      assertThat(redemptions.keySet()).as("%s: redemptions answered %s, in %s", context, status, this)
          .anyMatch(k -> k.startsWith(status.name()));
    }
  }

  /** Requires every kind of fault to have been injected at least once. */
  synchronized void assertEveryFaultMet(String context) {
    assertThat(faults).as("%s: the faults met, in %s", context, this).containsKeys(FaultyStore.Fault.values());
  }

  @Override
  public synchronized String toString() {
    StringBuilder sb = new StringBuilder();
    steps.forEach((k, c) -> sb.append(k).append(' ').append(c[0]).append(" ok/").append(c[1]).append(" refused; "));
    sb.append("redemptions answered ").append(redemptions).append("; errors ").append(errors)
        .append("; read back after a lost acknowledgement ").append(recoveries).append("; faults ").append(faults);
    return sb.toString();
  }
}
