package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A card's lots as a prefix of its ledger left them: the past state that a read as of an earlier instant answers
 * from. Pure; the caller reads the entries and settles the result to the instant ({@link CardLedger#settle}).
 *
 * <p>Today's card holds every lot ever granted (a lot's id is the seq of the entry that granted it) with the facts
 * fixed at grant: when, from where, and when it activates and expires. The entries say the rest: credits create
 * lots, their draws repay debt; debits, expirations, cancellations and reversals draw; a rollback gives draws back
 * or grants a fresh lot; an activation turns a lot active; a pending adjustment changes a lot's points.
 */
public final class CardHistory {
  private CardHistory() {}

  /**
   * The card as it stood right after the last of {@code entries}: its lots, its debt and its last seq; every other
   * field is today's.
   *
   * @param today the card now
   * @param entries a prefix of the card's ledger, oldest first, possibly empty
   * @param asGranted the lot with the activation and expiry it was granted with: called only for a lot pending at
   *     the end of {@code entries} and active today (activated by hand since, its expiry counted from then)
   * @throws IllegalStateException when the entries do not explain today's lots (a corrupt ledger)
   */
  public static Card replay(Card today, List<LedgerEntry> entries, UnaryOperator<Lot> asGranted) {
    Map<Long, Lot> granted = new HashMap<>();
    for (Lot lot : today.lots()) {
      granted.put(lot.id(), lot);
    }
    Map<Long, Lot> lots = new LinkedHashMap<>(); // grant order, as a card keeps them
    for (LedgerEntry e : entries) {
      Lot fresh = granted.get(e.seq());
      switch (e.type()) {
        case PENDING_POINTS_ACTIVATION -> {
          Lot lot = activated(today, lots, e);
          Lot now = granted.getOrDefault(lot.id(), lot);
          lots.put(lot.id(), lot.with(LotState.ACTIVE, e.at(), now.expiresAt()));
          draw(lots, e);
        }
        case PENDING_POINTS_ADJUSTED -> {
          Lot lot = adjusted(lots, e);
          lots.put(lot.id(), new Lot(lot.id(), lot.initial() + e.pending(), lot.remaining() + e.pending(),
              lot.grantedAt(), lot.activatesAt(), lot.expiresAt(), lot.state(), lot.source()));
        }
        case POINTS_REFUND -> {
          for (LotDraw d : e.draws()) {
            if (d.lot() == e.seq()) {
              lots.put(d.lot(), require(fresh, e).withRemaining(d.points()));
            } else {
              Lot lot = require(lots.get(d.lot()), e);
              lots.put(lot.id(), lot.withRemaining(lot.remaining() + d.points()));
            }
          }
        }
        case PENDING_POINTS_CANCELED, POINTS_REVERSAL -> {
          draw(lots, e);
          for (LotDraw d : e.draws()) {
            Lot lot = lots.get(d.lot());
            if (lot != null && lot.state() == LotState.PENDING && lot.remaining() == 0) {
              lots.put(lot.id(), lot.with(LotState.CANCELED, lot.activatesAt(), lot.expiresAt()));
            }
          }
        }
        default -> {
          if (fresh != null) { // a credit: its lot as granted, before the debt its draws repaid
            long points = e.points() + e.pending();
            lots.put(fresh.id(), new Lot(fresh.id(), points, points, fresh.grantedAt(), fresh.activatesAt(),
                fresh.expiresAt(), e.pending() > 0 ? LotState.PENDING : LotState.ACTIVE, fresh.source()));
          }
          draw(lots, e);
        }
      }
    }
    long active = 0;
    for (Map.Entry<Long, Lot> entry : lots.entrySet()) {
      Lot lot = entry.getValue();
      Lot now = granted.get(lot.id());
      if (lot.state() == LotState.PENDING && now != null && now.state() == LotState.ACTIVE) {
        Lot terms = asGranted.apply(lot);
        entry.setValue(lot.with(LotState.PENDING, terms.activatesAt(), terms.expiresAt()));
      }
      if (lot.state() == LotState.ACTIVE) {
        active = Math.addExact(active, lot.remaining());
      }
    }
    LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
    // the running balance is the active lots' points less the debt, after every entry (CardLedger keeps it so)
    long debt = last == null ? 0 : Math.subtractExact(active, last.balanceAfter());
    return today.toBuilder().lots(List.copyOf(lots.values())).debt(debt).lastSeq(last == null ? 0 : last.seq()).build();
  }

  /** Takes each draw of the entry from its lot (a debit's points, an expiry, or the debt a credit repaid). */
  private static void draw(Map<Long, Lot> lots, LedgerEntry e) {
    for (LotDraw d : e.draws()) {
      Lot lot = require(lots.get(d.lot()), e);
      lots.put(lot.id(), lot.withRemaining(lot.remaining() - d.points()));
    }
  }

  /** The pending lot an activation names in its key. */
  private static Lot activated(Card card, Map<Long, Lot> lots, LedgerEntry e) {
    for (Lot lot : lots.values()) {
      if (lot.state() == LotState.PENDING
          && new LedgerKey.OnCard(LedgerKey.OnCard.Kind.ACTIVATION, card.code(), lot.id()).equals(e.key())) {
        return lot;
      }
    }
    throw unexplained(e);
  }

  /** The pending lot an adjustment changed: the one of its source (an accrual, once per order or event and rule). */
  private static Lot adjusted(Map<Long, Lot> lots, LedgerEntry e) {
    LotSource source = new LotSource(e.event(), e.rule(), e.programVersion(), e.order());
    for (Lot lot : lots.values()) {
      if (lot.state() == LotState.PENDING && lot.source().equals(source)) {
        return lot;
      }
    }
    throw unexplained(e);
  }

  private static Lot require(@Nullable Lot lot, LedgerEntry e) {
    if (lot == null) {
      throw unexplained(e);
    }
    return lot;
  }

  private static IllegalStateException unexplained(LedgerEntry e) {
    return new IllegalStateException("card " + e.card() + ": entry " + e.seq() + " (" + e.type()
        + ") names a lot the card's earlier entries do not explain");
  }
}
