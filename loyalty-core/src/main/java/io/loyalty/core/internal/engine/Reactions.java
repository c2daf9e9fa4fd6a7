package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.EntryKey;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RedemptionWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one step every single-card write passes through before it commits: it derives the follow-up effects of the
 * change (today auto-redeem; tier moves next) and commits them with it. Points that became spendable count however
 * they did — an addition, an activation by hand, or activations a sweep or any other write settled — because the
 * balance is compared with the one last recorded on the card ({@link Card#ledgerBalance()}), so pending points
 * activated at midnight trigger auto-redeem at the next sweep or write. Thread-safe.
 */
final class Reactions {
  private final LoyaltyStore store;
  private final RedemptionPlanner planner;
  private final Consumer<Redemption> deliver;

  Reactions(LoyaltyStore store, RedemptionPlanner planner, Consumer<Redemption> deliver) {
    this.store = store;
    this.planner = planner;
    this.deliver = deliver;
  }

  /**
   * Commits what {@code ledger} appended to {@code card} at {@code at}, with the auto-redemption the change
   * triggers, and delivers that reward once committed.
   *
   * @return whether the store applied the change set ({@code false}: a conflict, to be retried)
   */
  boolean commit(Program program, Card card, CardLedger ledger, Instant at) {
    RedemptionPlanner.Plan auto = autoRedeem(program, card, ledger, at);
    CardTransition t = ledger.finish();
    if (auto == null) {
      return store.commit(new ChangeSet(List.of(), List.of(new CardWrite(t.card(), card.version())), t.entries(), null))
          .applied();
    }
    List<CardWrite> cards = new ArrayList<>(auto.otherCards());
    cards.add(new CardWrite(t.card().withRedemptions(card.redemptions() + 1), card.version()));
    List<LedgerEntry> entries = new ArrayList<>(t.entries());
    entries.addAll(auto.otherEntries());
    boolean applied = store.commit(new ChangeSet(List.of(), cards, entries, null, List.of(auto.reward()),
        List.of(new RedemptionWrite(auto.redemption(), 0)))).applied();
    if (applied) {
      deliver.accept(auto.redemption());
    }
    return applied;
  }

  private RedemptionPlanner.@Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, Instant at) {
    List<LedgerEntry> appended = ledger.appended();
    if (appended.isEmpty() || card.holder() == null || !hasAutoRedeem(program)) {
      return null;
    }
    // the id names the change that made the points spendable: the same change retried derives the same id
    return planner.autoRedeem(program, card, ledger, card.ledgerBalance(),
        EntryKey.derivedRedemption("after", appended.get(appended.size() - 1).key()),
        new Customer(card.holder(), null, null), at, new CardStaging(store));
  }

  static boolean hasAutoRedeem(Program program) {
    for (int i = 0; i < program.rewards().size(); i++) {
      if (program.rewards().get(i).autoRedeem()) {
        return true;
      }
    }
    return false;
  }
}
