package io.loyalty.core.internal.decide;

import io.loyalty.core.NoCardAvailableException;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A card about to be published to a customer, before any points are credited to it.
 *
 * @param card the published card, still at its stored version (0 when it is new)
 * @param expectedVersion the version the store must still hold (0 to insert)
 * @param initialCredits the card template's initial points, to credit before anything else
 * @param refill how many new unpublished cards to generate so that an AUTO_UPDATE pool does not run dry (0: none)
 */
public record Publication(Card card, long expectedVersion, List<Credit> initialCredits, int refill) {
  /**
   * The publication of the pool's next card to {@code customer} at {@code at}: the first card of the reserve, else a
   * new one for an AUTO_UPDATE pool; a STATIC pool that is used up refuses.
   *
   * @param refill whether to top up an AUTO_UPDATE pool's reserve (a quote does not)
   * @throws NoCardAvailableException when a STATIC pool has no unpublished card left
   */
  public static Publication ofPool(Program program, CustomerId customer, Pool pool, Instant at, boolean refill) {
    List<Card> reserve = pool.reserve();
    Card card;
    if (!reserve.isEmpty()) {
      card = reserve.get(0);
    } else if (program.pool().type() == CardPool.Type.STATIC) {
      throw new NoCardAvailableException("program " + program.id() + " has no unpublished card left in its STATIC pool of "
          + program.pool().vouchersCount());
    } else {
      RuntimeException noFresh = pool.noFresh();
      if (noFresh != null) {
        throw noFresh; // as generating it during the join would have
      }
      card = Objects.requireNonNull(pool.fresh(), "an empty AUTO_UPDATE pool is read with a fresh card");
    }
    return of(program, customer, card, at, Pool.refill(program, reserve.size(), refill));
  }

  /** The publication of {@code card} (unpublished, of the program) to {@code customer} at {@code at}. */
  public static Publication of(Program program, CustomerId customer, Card card, Instant at, int refill) {
    long expected = card.version();
    Instant expiresAt = program.card().activityDurationAfterPublishing() == null
        ? null
        : program.card().activityDurationAfterPublishing().addTo(at.atZone(program.zone())).toInstant();
    Card published = card.toBuilder().holder(customer).publishedAt(at).expiresAt(expiresAt).build();
    List<Credit> initial = program.card().initialPoints() > 0
        ? List.of(Credit.now(EntryType.POINTS_ADDITION, program.card().initialPoints(), new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, card.code(), 0),
            new LotSource(null, null, program.version(), null), "initial points", CreditTerms.forProgram(program, at).expiresAt()))
        : List.of();
    return new Publication(published, expected, initial, refill);
  }
}
