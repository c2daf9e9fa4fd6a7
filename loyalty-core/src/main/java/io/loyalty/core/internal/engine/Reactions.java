package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.CardStaging;
import io.loyalty.core.internal.decide.ReadSet;
import io.loyalty.core.internal.decide.RedemptionPlanner;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.load.Enrolment;
import io.loyalty.core.internal.load.Loader;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.DerivedIds;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one step every single-card write passes through before it commits: it derives the follow-up effects of the
 * change (today auto-redeem; tier moves next) and commits them with it. Points that became spendable count however
 * they did — an addition, an activation by hand, or activations a sweep or any other write settled — because the
 * balance is compared with the one last recorded on the card ({@link Card#ledgerBalance()}), so pending points
 * activated at midnight trigger auto-redeem at the next sweep or write. An event derives the same follow-ups inside
 * its decision, by the same rule ({@link RedemptionPlanner#autoRedeemOnReach}), from its read set. Thread-safe.
 */
final class Reactions {
  private final Committer committer;
  private final RedemptionPlanner planner;
  private final Loader loader;
  private final Enrolment enrolment;

  Reactions(Committer committer, RedemptionPlanner planner, Loader loader, Enrolment enrolment) {
    this.committer = committer;
    this.planner = planner;
    this.loader = loader;
    this.enrolment = enrolment;
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
    // what the follow-ups read is gathered first, then they are decided from it alone
    List<ReadSet> reads = new ArrayList<>(touched.size());
    for (Touched t : touched) {
      reads.add(loader.forWrite(t.program(), t.card(), !t.ledger().appended().isEmpty(), touched.size() > 1, at));
    }
    for (int i = 0; i < touched.size(); i++) {
      Touched t = touched.get(i);
      CardStaging staging = new CardStaging();
      RedemptionPlanner.Plan auto = touched.size() > 1 && creditsAnotherOf(t, touched, reads.get(i)) ? null
          : autoRedeem(t.program(), t.card(), t.ledger(), at, staging, reads.get(i));
      CardTransition transition = t.ledger().finish();
      Card next = auto == null ? transition.card()
          : transition.card().withRedemptions(t.card().redemptions() + auto.taken());
      cards.add(CardWrite.over(t.card(), next));
      entries.addAll(transition.entries());
      if (auto != null) {
        cards.addAll(enrolment.withRefills(auto.otherCards(), staging.refills(), at));
        entries.addAll(auto.otherEntries());
        joins.addAll(auto.joins());
        RewardWrite taken = auto.reward();
        if (taken != null) { // null when the auto-redemption failed: it takes nothing
          rewards.add(taken);
        }
        auto.redemptions().forEach(r -> redemptions.add(new RedemptionWrite(r, 0)));
      }
    }
    List<Program> decidedUnder = new ArrayList<>(touched.size());
    for (Touched t : touched) {
      decidedUnder.add(t.program());
    }
    return committer.commit(new ChangeSet(List.of(), cards, entries, null, rewards, redemptions, joins), decidedUnder)
        .applied();
  }

  /**
   * Whether the card's auto-redeem reward puts points into the program of another card of the same change set:
   * that card's own change is not staged yet, so the reaction waits for the next write (a rare case, and the only
   * one where a transfer does not auto-redeem at once).
   */
  private static boolean creditsAnotherOf(Touched t, List<Touched> touched, ReadSet reads) {
    for (RewardAssignment a : t.program().rewards()) {
      if (a.autoRedeem()) {
        Reward reward = reads.reward(a.reward());
        RewardKind kind = reward == null ? null : reward.kind();
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

  private RedemptionPlanner.@Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, Instant at,
      CardStaging staging, ReadSet reads) {
    List<LedgerEntry> appended = ledger.appended();
    CustomerId holder = card.holder();
    if (appended.isEmpty() || holder == null || !RedemptionPlanner.hasAutoRedeem(program)) {
      return null;
    }
    // the id names the change that made the points spendable: the same change retried derives the same id
    return planner.autoRedeemOnReach(program, card, ledger,
        () -> DerivedIds.derivedRedemption("after", appended.get(appended.size() - 1).key().text()), Customer.of(holder), at, staging,
        reads);
  }
}
