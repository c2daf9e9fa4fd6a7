package io.loyalty.spi.card;

/** A loyalty v2 member's status (digest 12.2). */
public enum MemberStatus {
  /** Earns and spends. */
  ACTIVE,
  /** Keeps cards and points but cannot earn or spend. */
  INACTIVE,
  /** Deleted softly: cards and history stay readable, nothing changes any more. Final. */
  DELETED
}
