package io.loyalty.spi.card;

/** The kind of a ledger entry, named as Voucherify's card transaction types. */
public enum EntryType {
  /** Points earned by an earning rule. */
  POINTS_ACCRUAL,
  /** Points earned as pending: not usable until they activate. */
  PENDING_POINTS_ADDED,
  /** Pending points changed by hand before activation. */
  PENDING_POINTS_ADJUSTED,
  /** Pending points canceled before activation. */
  PENDING_POINTS_CANCELED,
  /** Pending points became usable. */
  PENDING_POINTS_ACTIVATION,
  /** Points spent on a reward. */
  POINTS_REDEMPTION,
  /** Points given back by a redemption rollback. */
  POINTS_REFUND,
  /** Points added by hand, or a card's initial points. */
  POINTS_ADDITION,
  /** Points removed by hand. */
  POINTS_REMOVAL,
  /** Points that reached their expiry. */
  POINTS_EXPIRATION,
  /** Points moved in from another card. */
  POINTS_TRANSFER_IN,
  /** Points moved out to another card. */
  POINTS_TRANSFER_OUT,
  /** Points an order earned, taken back because the order was refunded or canceled. */
  POINTS_REVERSAL
}
