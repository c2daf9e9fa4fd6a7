package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.EntryKey;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  private final Committer committer;
  private final RedemptionPlanner planner;

  Reactions(LoyaltyStore store, Committer committer, RedemptionPlanner planner) {
    this.store = store;
    this.committer = committer;
    this.planner = planner;
  }

  /** One card a write changed: its program, the card as read, and the ledger holding the change. */
  record Touched(Program program, Card card, CardLedger ledger) {}

  /**
   * Commits what {@code ledger} appended to {@code card} at {@code at}, with the auto-redemption the change
   * triggers (whose reward the commit's outbox consumers then deliver).
   *
   * @return whether the store applied the change set ({@code false}: a conflict, to be retried)
   */
  boolean commit(Program program, Card card, CardLedger ledger, Instant at) {
    return commit(List.of(new Touched(program, card, ledger)), at);
  }

  /** As {@link #commit(Program, Card, CardLedger, Instant)} for several cards changed in one change set. */
  boolean commit(List<Touched> touched, Instant at) {
    List<CardWrite> cards = new ArrayList<>();
    List<LedgerEntry> entries = new ArrayList<>();
    List<RewardWrite> rewards = new ArrayList<>();
    List<RedemptionWrite> redemptions = new ArrayList<>();
    List<OutboxEvent> joins = new ArrayList<>(0);
    for (Touched t : touched) {
      RedemptionPlanner.Plan auto = touched.size() > 1 && creditsAnotherOf(t, touched) ? null
          : autoRedeem(t.program(), t.card(), t.ledger(), at);
      CardTransition transition = t.ledger().finish();
      Card next = auto == null ? transition.card()
          : transition.card().withRedemptions(t.card().redemptions() + auto.redemptions().size());
      cards.add(CardWrite.over(t.card(), next));
      entries.addAll(transition.entries());
      if (auto != null) {
        cards.addAll(auto.otherCards());
        entries.addAll(auto.otherEntries());
        joins.addAll(auto.joins());
        rewards.add(Objects.requireNonNull(auto.reward(), "a planned redemption takes its reward"));
        auto.redemptions().forEach(r -> redemptions.add(new RedemptionWrite(r, 0)));
      }
    }
    return committer.commit(new ChangeSet(List.of(), cards, entries, null, rewards, redemptions, joins)).applied();
  }

  /**
   * Whether the card's auto-redeem reward puts points into the program of another card of the same change set:
   * that card's own change is not staged yet, so the reaction waits for the next write (a rare case, and the only
   * one where a transfer does not auto-redeem at once).
   */
  private boolean creditsAnotherOf(Touched t, List<Touched> touched) {
    for (RewardAssignment a : t.program().rewards()) {
      if (a.autoRedeem()) {
        RewardKind kind = store.reward(a.reward()).map(Reward::kind).orElse(null);
        if (kind instanceof RewardKind.Campaign c && c.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
          for (Touched other : touched) {
            if (other != t && other.program().id().value().equals(c.campaign())) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private RedemptionPlanner.@Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, Instant at) {
    List<LedgerEntry> appended = ledger.appended();
    CustomerId holder = card.holder();
    if (appended.isEmpty() || holder == null) {
      return null;
    }
    // the id names the change that made the points spendable: the same change retried derives the same id
    return autoRedeem(program, card, ledger, EntryKey.derivedRedemption("after", appended.get(appended.size() - 1).key()),
        Customer.of(holder), at, new CardStaging(store));
  }

  /**
   * The auto-redemption a change on an open ledger triggers, planned on it and staged with {@code staging}, or
   * {@code null}: when the balance last recorded on the card was below the price and the ledger now reaches it,
   * within Voucherify's daily limit. Events call this with their own staging and id; manual writes go through
   * {@link #commit}.
   */
  RedemptionPlanner.@Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, RedemptionId id,
      Customer customer, Instant at, CardStaging staging) {
    if (!hasAutoRedeem(program)) {
      return null;
    }
    // reach is measured from the balance last recorded, so activations this write settled count too
    return planner.autoRedeem(program, card, ledger, card.ledgerBalance(), id, customer, at, staging);
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
