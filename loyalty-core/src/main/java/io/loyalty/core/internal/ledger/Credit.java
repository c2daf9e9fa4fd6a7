package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LotSource;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Points to grant as a new lot, with the ledger entry that records it.
 *
 * @param type the entry type (an accrual, an addition, ...)
 * @param points positive
 * @param key the entry's idempotency key, unique in the store
 * @param source where the points come from
 * @param reason a free-text reason, possibly empty
 * @param activatesAt when the points become usable, {@code null} for at once
 * @param expiresAt when they expire, {@code null} for never
 * @param related the key of the linked entry (a transfer's other side), {@code null} for none
 */
public record Credit(
    EntryType type,
    long points,
    LedgerKey key,
    LotSource source,
    String reason,
    @Nullable Instant activatesAt,
    @Nullable Instant expiresAt,
    @Nullable LedgerKey related) {

  /** A credit usable at once, with no link. */
  public static Credit now(EntryType type, long points, LedgerKey key, LotSource source, String reason, @Nullable Instant expiresAt) {
    return new Credit(type, points, key, source, reason, null, expiresAt, null);
  }
}
