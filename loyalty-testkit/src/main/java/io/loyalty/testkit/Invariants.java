package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.CardSummary;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of DESIGN.md checked on one card as a store holds it: the ledger is contiguous and its running sum
 * is the card's ledger balance and the sum of its lots; the balance equals the ledger once a sweep has recorded what
 * is due; each lot's spent points are exactly the draws recorded on it, less what rollbacks gave back to it; the
 * summary's conservation identity holds; only an UNLIMITED refund policy lets the balance go below zero.
 */
final class Invariants {
  private Invariants() {}

  /** Reads every ledger entry of the card, paging as the engine does. */
  static List<LedgerEntry> ledger(LoyaltyStore store, Card card) {
    return store.ledger(card.code(), 0, Integer.MAX_VALUE);
  }

  /** Checks the card's invariants as of {@code now}; {@code context} (seed, step) goes in every message. */
  static void check(LoyaltyStore store, LoyaltyEngine reader, Card card, Instant now, String context) {
    check(store, reader, card, ledger(store, card), now, context);
  }

  /** The same, on the card's ledger as already read from the store. */
  static void check(LoyaltyStore store, LoyaltyEngine reader, Card card, List<LedgerEntry> ledger, Instant now,
      String context) {
    String where = context + ", card " + card.code();
    long points = 0;
    long pending = 0;
    Map<Long, Long> drawn = new HashMap<>();
    for (int i = 0; i < ledger.size(); i++) {
      LedgerEntry e = ledger.get(i);
      assertThat(e.seq()).as("%s: ledger seqs run 1, 2, 3, ...", where).isEqualTo(i + 1L);
      points = Math.addExact(points, e.points());
      pending = Math.addExact(pending, e.pending());
      assertThat(e.balanceAfter()).as("%s: entry %s's balanceAfter is the running sum", where, e.seq()).isEqualTo(points);
      for (LotDraw d : e.draws()) {
        if (e.type() != EntryType.POINTS_REFUND) {
          drawn.merge(d.lot(), d.points(), Math::addExact);
        } else if (d.lot() != e.seq()) {
          // a rollback gives the points back to the lot they came from; a lot it made itself (id = its seq) is whole
          drawn.merge(d.lot(), -d.points(), Math::addExact);
        }
      }
    }
    assertThat(card.lastSeq()).as("%s: lastSeq is the ledger's end", where).isEqualTo(ledger.size());
    assertThat(points).as("%s: balance = sum of the ledger = sum of active lots less the debt", where)
        .isEqualTo(card.ledgerBalance());
    assertThat(pending).as("%s: pending = sum of the ledger's pending = sum of pending lots", where)
        .isEqualTo(card.ledgerPending());
    for (Lot lot : card.lots()) {
      assertThat(lot.remaining()).as("%s: lot %s remaining within 0..initial", where, lot.id()).isBetween(0L, lot.initial());
      assertThat(lot.initial() - lot.remaining()).as("%s: lot %s: what left it is what the ledger drew from it", where, lot.id())
          .isEqualTo(drawn.getOrDefault(lot.id(), 0L));
    }
    if (!hasDue(card, now)) {
      assertThat(card.balanceAt(now)).as("%s: with nothing due, the balance at %s is the ledger's sum", where, now)
          .isEqualTo(points);
    }
    CardSummary s = reader.summary(card.code(), now);
    assertThat(s.balance()).as("%s: summary balance", where).isEqualTo(card.balanceAt(now));
    long in = Math.addExact(Math.addExact(s.earned(), s.added()), s.transferredIn());
    long out = s.balance() + s.pending() + s.redeemed() + s.subtracted() + s.expired() + s.transferredOut() + s.reversed()
        + s.canceled();
    assertThat(out).as("%s: conservation earned + added + in = balance + pending + redeemed + subtracted + expired + out"
        + " + reversed + canceled, in %s", where, s).isEqualTo(in);
    Program program = store.program(card.program()).orElseThrow();
    if (program.refundPolicy() != RefundPolicy.UNLIMITED) {
      assertThat(card.balanceAt(now)).as("%s: no negative balance under %s", where, program.refundPolicy()).isNotNegative();
      assertThat(card.debt()).as("%s: no debt under %s", where, program.refundPolicy()).isZero();
    }
  }

  /** Checks that every entry is found by its key and by its order, exactly as the ledger has it. */
  static void checkIndexes(LoyaltyStore store, Card card, String context) {
    List<LedgerEntry> ledger = ledger(store, card);
    Set<OrderId> orders = new HashSet<>();
    for (LedgerEntry e : ledger) {
      assertThat(store.entry(e.key())).as("%s: entry(%s)", context, e.key()).contains(e);
      if (e.order() != null) {
        orders.add(e.order());
      }
    }
    for (OrderId order : orders) {
      assertThat(store.entriesForOrder(card.code(), order)).as("%s: entriesForOrder(%s, %s)", context, card.code(), order)
          .containsExactlyElementsOf(ledger.stream().filter(e -> order.equals(e.order())).toList());
    }
  }

  private static boolean hasDue(Card card, Instant now) {
    for (Lot lot : card.lots()) {
      boolean activation = lot.state() == LotState.PENDING && lot.activatesAt() != null && !now.isBefore(lot.activatesAt());
      if (activation || lot.hasExpiredAt(now)) {
        return true;
      }
    }
    return false;
  }
}
