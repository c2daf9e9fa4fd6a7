package io.loyalty.spi.program;

/**
 * Where a loyalty v2 program stands (Voucherify's program {@code status}): created as a draft or active, switched
 * between active and inactive, and deleted softly. Only an active program takes members and earns; a v1 program has
 * no status of its own and answers {@link #ACTIVE} or {@link #INACTIVE} from its switch.
 */
public enum ProgramStatus {
  /** Being assembled: wallets can still be added and changed; it takes no members and earns nothing. */
  DRAFT,
  /** Live: it takes members, earns and sells; its wallets can no longer change. */
  ACTIVE,
  /** Switched off after being live: members keep their cards and points; nothing is earned or sold. */
  INACTIVE,
  /** Deleted (softly): its rules and offers are gone, its members keep their cards and history. Final. */
  DELETED
}
