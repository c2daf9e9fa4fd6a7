package io.loyalty.spi.card;

/** Where a lot stands in its life. Expiry is a matter of time, read against {@link Lot#expiresAt()}. */
public enum LotState {
  /** Granted as pending: usable from {@link Lot#activatesAt()}, with no activation entry written yet. */
  PENDING,
  /** Usable (subject to expiry); its activation, if it was pending, is recorded in the ledger. */
  ACTIVE,
  /** Pending points canceled before activation; never usable. */
  CANCELED
}
