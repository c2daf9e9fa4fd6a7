package io.loyalty.spi.program;

/**
 * What a program does when a refunded order's points must be taken back but some were already spent.
 * Pending points of the order are always taken first.
 */
public enum RefundPolicy {
  /** Take back only the order's pending points; spent or active points stay with the member. */
  ONLY_PENDING,
  /** Take back what the balance holds and record the shortfall; the balance never goes below zero. */
  WITHIN_BALANCE,
  /** Take back everything: the balance may go negative, and future earning repays the debt first. */
  UNLIMITED
}
