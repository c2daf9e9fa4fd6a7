package io.loyalty.spi.program;

/** A comparison operator of Voucherify's validation rules ({@code $is}, {@code $more_than}, ...). */
public enum Operator {
  IS("$is"),
  IS_NOT("$is_not"),
  IN("$in"),
  NOT_IN("$not_in"),
  LESS_THAN("$less_than"),
  LESS_THAN_OR_EQUAL("$less_than_or_equal"),
  MORE_THAN("$more_than"),
  MORE_THAN_OR_EQUAL("$more_than_or_equal"),
  STARTS_WITH("$starts_with"),
  ENDS_WITH("$ends_with"),
  CONTAINS("$contains"),
  /** The value is present, whatever it is (no operands). */
  IS_DEFINED("$exists");

  private final String key;

  Operator(String key) {
    this.key = key;
  }

  /** Voucherify's key for this operator, such as {@code $more_than_or_equal}. */
  public String key() {
    return key;
  }

  /** Whether this operator orders numbers ({@code $less_than}, {@code $more_than_or_equal}, ...). */
  public boolean isOrdering() {
    return this == LESS_THAN || this == LESS_THAN_OR_EQUAL || this == MORE_THAN || this == MORE_THAN_OR_EQUAL;
  }

  /** Whether this operator works on text ({@code $starts_with}, {@code $ends_with}, {@code $contains}). */
  public boolean isTextual() {
    return this == STARTS_WITH || this == ENDS_WITH || this == CONTAINS;
  }
}
