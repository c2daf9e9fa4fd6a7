package io.loyalty.spi.program;

/** The kinds of {@link Component}: what a program assigns and what an assignment batch names. */
public enum ComponentKind {
  /** A point wallet ({@link CardDefinition}, Voucherify's {@code card-definitions}). */
  CARD_DEFINITION,
  /** A first-match earning rule ({@link FirstMatchRule}, Voucherify's v2 {@code earning-rules}). */
  EARNING_RULE
}
