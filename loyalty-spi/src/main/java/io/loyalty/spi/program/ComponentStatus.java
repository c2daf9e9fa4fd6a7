package io.loyalty.spi.program;

/**
 * The life of a {@link Component} (Voucherify's statuses of card definitions and v2 earning rules): DRAFT while it is
 * assembled, ACTIVE when programs may use it, INACTIVE when an earning rule is switched off, DELETED when it is gone
 * (softly: its versions stay readable; final).
 */
public enum ComponentStatus {
  /** Being assembled: every section can change; a program that holds it cannot be activated. */
  DRAFT,
  /** In use: an earning rule earns; a wallet's cards are issued. Some sections are locked from now on. */
  ACTIVE,
  /** An earning rule switched off (never a card definition): it earns nothing until activated again. */
  INACTIVE,
  /** Deleted, and unassigned from every program first. Final. */
  DELETED
}
