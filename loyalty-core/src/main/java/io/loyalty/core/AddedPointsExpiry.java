package io.loyalty.core;

import java.time.LocalDate;

/**
 * When manually added points expire (Voucherify's {@code expiration_type}): by the program's rules, never, or
 * at the end of a given day in the program's time zone.
 */
public sealed interface AddedPointsExpiry
    permits AddedPointsExpiry.ProgramRules, AddedPointsExpiry.NonExpiring, AddedPointsExpiry.CustomDate {

  /** {@code PROGRAM_RULES}: as the program's card expiration rule says (never, if it has none). */
  static AddedPointsExpiry programRules() {
    return new ProgramRules();
  }

  /** {@code NON_EXPIRING}. */
  static AddedPointsExpiry never() {
    return new NonExpiring();
  }

  /** {@code CUSTOM_DATE}: usable through {@code lastDay}, gone at 00:00 of the next day. */
  static AddedPointsExpiry on(LocalDate lastDay) {
    return new CustomDate(lastDay);
  }

  /** By the program's rules. */
  record ProgramRules() implements AddedPointsExpiry {}

  /** Never. */
  record NonExpiring() implements AddedPointsExpiry {}

  /**
   * Usable through {@code lastDay}, which must be today or later and at most 9999-12-31 when the points are added.
   *
   * @throws NullPointerException when {@code lastDay} is null
   */
  record CustomDate(LocalDate lastDay) implements AddedPointsExpiry {
    /** Requires the day. */
    public CustomDate {
      java.util.Objects.requireNonNull(lastDay, "lastDay");
    }
  }
}
