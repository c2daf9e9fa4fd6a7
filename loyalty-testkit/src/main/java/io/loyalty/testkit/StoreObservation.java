package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.pid;

import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything readable about the small universe of ids the port contracts use, through every read method of the
 * ports: compared before and after a rejected commit, it shows that nothing at all changed.
 */
final class StoreObservation {
  static final List<String> PROGRAMS = List.of("P1", "P2", "P10");
  static final List<String> CARDS = List.of("A", "B", "C", "D", "E", "X", "Z");
  static final List<String> CUSTOMERS = List.of("cust1", "cust2", "cust3");
  static final List<String> KEYS = List.of("k1", "k2", "k3", "k4", "d1", "d2", "x1", "z1");
  static final List<String> EVENTS = List.of("evt1", "evt2", "evt3");
  static final List<String> REWARDS = List.of("rew1", "rew2");
  static final List<String> REDEMPTIONS = List.of("r1", "r2", "r3");

  private StoreObservation() {}

  /** Every answer the store gives about the universe, by a readable label. */
  static Map<String, Object> of(LoyaltyStore store) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("programs()", store.programs());
    seen.put("pending(every event)", OutboxInvariants.all(store));
    for (String p : PROGRAMS) {
      seen.put("program(" + p + ")", store.program(pid(p)));
      for (long v = 0; v <= 3; v++) {
        seen.put("program(" + p + ", " + v + ")", store.program(pid(p), v));
      }
      seen.put("unpublishedCards(" + p + ")", store.unpublishedCards(pid(p), "", 100));
      seen.put("cards(" + p + ")", store.cards(pid(p), "", 100));
      seen.put("cardCount(" + p + ")", store.cardCount(pid(p)));
      for (String c : CUSTOMERS) {
        seen.put("cardOf(" + p + ", " + c + ")", store.cardOf(pid(p), cust(c), WalletId.MAIN));
        seen.put("cardsOf(" + p + ", " + c + ")", store.cardsOf(pid(p), cust(c)));
      }
    }
    for (String c : CARDS) {
      seen.put("card(" + c + ")", store.card(code(c)));
      seen.put("ledger(" + c + ")", store.ledger(code(c), 0, 100));
      seen.put("entriesForOrder(" + c + ", ord1)", store.entriesForOrder(code(c), OrderId.of("ord1")));
      seen.put("entriesForOrder(" + c + ", ord2)", store.entriesForOrder(code(c), OrderId.of("ord2")));
      seen.put("redemptions(" + c + ")", store.redemptions(code(c)));
    }
    for (String k : KEYS) {
      seen.put("entry(" + k + ")", store.entry(LedgerKey.parse(k)));
    }
    for (String e : EVENTS) {
      seen.put("receipt(" + e + ")", store.receipt(EventId.of(e)));
    }
    seen.put("rewards()", store.rewards());
    for (String r : REWARDS) {
      seen.put("reward(" + r + ")", store.reward(RewardId.of(r)));
    }
    for (String r : REDEMPTIONS) {
      seen.put("redemption(" + r + ")", store.redemption(RedemptionId.of(r)));
    }
    return seen;
  }
}
