package io.loyalty.testkit;

import io.loyalty.spi.LoyaltyException;
import org.jspecify.annotations.Nullable;

/**
 * What one workload step answered: a value, or the stable code of the typed error the engine raised. Two engines
 * fed the same step must answer equal outcomes.
 *
 * @param value the operation's result when it succeeded
 * @param error the error's {@code code()} and type when it failed
 */
record Outcome(@Nullable Object value, @Nullable String error) {
  static Outcome ok(Object value) {
    return new Outcome(value, null);
  }

  static Outcome failed(LoyaltyException e) {
    return new Outcome(null, e.code() + " (" + e.getClass().getSimpleName() + ")");
  }

  boolean succeeded() {
    return error == null;
  }

  /** This outcome with its value hidden, for operations whose value may differ on a re-send (sweep reports). */
  Outcome shape() {
    return succeeded() ? new Outcome("done", null) : this;
  }
}
