package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the outbox must hold after any history of engine writes: exactly one event per ledger entry, in the card's
 * ledger order and carrying the entry as stored; one publication per published card; one event per redemption's
 * insert and one per rollback. So an event is committed if and only if its change is, once, in per-card order.
 */
final class OutboxInvariants {
  /** A consumer that never acknowledges anything: it sees the whole outbox. */
  static final String AUDIT = "kit.audit";
  private static final int ALL = 1_000_000;

  private OutboxInvariants() {}

  /** Every committed event, in commit order, as a consumer that never acknowledges reads it. */
  static List<OutboxEvent> all(LoyaltyStore store) {
    return store.pending(AUDIT, Set.of(), ALL);
  }

  /** Checks the outbox against the cards' ledgers and redemptions. */
  static void check(LoyaltyStore store, List<Card> cards, List<Redemption> redemptions, String where) {
    List<OutboxEvent> events = all(store);
    assertThat(events.stream().map(OutboxEvent::id).distinct().count()).as("%s: outbox event ids are unique", where)
        .isEqualTo(events.size());
    Map<CardCode, List<LedgerEntry>> transactions = new LinkedHashMap<>();
    Map<CardCode, Integer> joins = new HashMap<>();
    Map<RedemptionId, List<OutboxEvent.Type>> byRedemption = new HashMap<>();
    for (OutboxEvent e : events) {
      if (e.payload() instanceof OutboxEvent.Transaction t) {
        assertThat(e.card()).as("%s: event %s names its entry's card", where, e.id()).isEqualTo(t.entry().card());
        assertThat(e.type()).as("%s: event %s's type", where, e.id()).isEqualTo(OutboxEvent.Type.of(t.entry().type()));
        transactions.computeIfAbsent(e.card(), c -> new ArrayList<>()).add(t.entry());
      } else if (e.payload() instanceof OutboxEvent.RedemptionChange r) {
        byRedemption.computeIfAbsent(r.redemption().id(), id -> new ArrayList<>()).add(e.type());
      } else {
        joins.merge(e.card(), 1, Integer::sum);
      }
    }
    for (Card card : cards) {
      List<LedgerEntry> ledger = Invariants.ledger(store, card);
      assertThat(transactions.getOrDefault(card.code(), List.of()))
          .as("%s: the outbox holds one event per ledger entry of %s, in ledger order", where, card.code())
          .isEqualTo(ledger);
      assertThat(joins.getOrDefault(card.code(), 0)).as("%s: publications of %s in the outbox", where, card.code())
          .isEqualTo(card.isPublished() ? 1 : 0);
    }
    for (Redemption r : redemptions) {
      List<OutboxEvent.Type> types = byRedemption.getOrDefault(r.id(), List.of());
      assertThat(types).as("%s: redemption %s has one event for its insert", where, r.id()).isNotEmpty();
      assertThat(types.get(0)).as("%s: redemption %s's first event", where, r.id()).isIn(OutboxEvent.Type.REWARD_REDEEMED,
          OutboxEvent.Type.REDEMPTION_FAILED);
      assertThat(types.stream().filter(t -> t == OutboxEvent.Type.REWARD_ROLLED_BACK).count())
          .as("%s: rollbacks of %s in the outbox", where, r.id())
          .isEqualTo(r.status() == Redemption.Status.ROLLED_BACK ? 1L : 0L);
    }
  }
}
