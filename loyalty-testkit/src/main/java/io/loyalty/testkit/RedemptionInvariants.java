package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The invariants of redemptions as a store holds them: a reward's redeemed count never exceeds its stock and is the
 * number of redemptions that hold it; a card's redemption count is its SUCCEEDED redemptions; a redemption that
 * holds its reward drew its points in one POINTS_REDEMPTION entry under its key; a rolled-back one (or one given
 * back because the host could not deliver) gave those points back to the lots they came from, or as one fresh lot;
 * any other failed one took nothing; a LOYALTY_PROGRAM reward credited the member's card in the other program.
 */
final class RedemptionInvariants {
  private static final String UNDELIVERED = "reward_fulfilment_failed";

  private RedemptionInvariants() {}

  /** Checks every reward of the catalog, as read from a store: its redeemed count within zero and its stock. */
  static void checkStock(List<Reward> rewards, String context) {
    for (Reward reward : rewards) {
      assertThat(reward.redeemed()).as("%s: reward %s's redeemed count is not negative", context, reward.id()).isNotNegative();
      if (reward.stock() != null) {
        assertThat(reward.redeemed()).as("%s: reward %s is never redeemed past its stock", context, reward.id())
            .isLessThanOrEqualTo(reward.stock());
      }
    }
  }

  /** Checks that each reward's redeemed count is the number of SUCCEEDED redemptions of it among {@code all}. */
  static void checkCounts(LoyaltyStore store, List<Redemption> all, String context) {
    for (Reward reward : store.rewards()) {
      RewardId id = reward.id();
      assertThat(reward.redeemed()).as("%s: reward %s's redeemed count is the redemptions that hold it", context, id)
          .isEqualTo(all.stream().filter(r -> r.succeeded() && r.reward().equals(id)).count());
    }
  }

  /** Checks the card's redemptions against its count, its ledger and its lots, reading them from the store. */
  static void check(LoyaltyStore store, Card card, String context) {
    check(store, card, store.ledger(card.code(), 0, Integer.MAX_VALUE), store.redemptions(card.code()),
        catalog(store.rewards()), context);
  }

  /** The reward catalog by id. */
  static Map<RewardId, Reward> catalog(List<Reward> rewards) {
    Map<RewardId, Reward> catalog = new HashMap<>();
    rewards.forEach(r -> catalog.put(r.id(), r));
    return catalog;
  }

  /** The same, on the card's ledger, redemptions and the catalog as already read from the store. */
  static void check(LoyaltyStore store, Card card, List<LedgerEntry> ledger, List<Redemption> redemptions,
      Map<RewardId, Reward> catalog, String context) {
    String where = context + ", card " + card.code();
    Map<String, LedgerEntry> byKey = new HashMap<>();
    ledger.forEach(e -> byKey.put(e.key().text(), e));
    assertThat(card.redemptions()).as("%s: the card's redemption count is its SUCCEEDED redemptions", where)
        .isEqualTo(redemptions.stream().filter(Redemption::succeeded).count());
    for (Redemption r : redemptions) {
      String at = where + ", " + r.status() + " redemption " + r.id();
      assertThat(r.card()).as("%s: listed under its card", at).isEqualTo(card.code());
      Optional<LedgerEntry> taken = Optional.ofNullable(byKey.get("redemption:" + r.id()));
      Optional<LedgerEntry> back = Optional.ofNullable(byKey.get("rollback:" + r.id()));
      boolean tookPoints = r.status() != Redemption.Status.FAILED || UNDELIVERED.equals(r.failureCode());
      if (!tookPoints) {
        assertThat(taken).as("%s: a failed redemption took nothing (no POINTS_REDEMPTION under its key)", at).isEmpty();
        assertThat(back).as("%s: a failed redemption gave nothing back", at).isEmpty();
        assertThat(r.points()).as("%s: a failed redemption spent no points", at).isZero();
        assertThat(r.draws()).as("%s: a failed redemption drew from no lot", at).isEmpty();
        continue;
      }
      assertThat(taken).as("%s: its points were drawn under its key", at).isPresent();
      LedgerEntry debit = taken.get();
      assertThat(debit.type()).as("%s: drawn as a POINTS_REDEMPTION", at).isEqualTo(EntryType.POINTS_REDEMPTION);
      assertThat(debit.points()).as("%s: drawn its points", at).isEqualTo(-r.points());
      assertThat(debit.draws()).as("%s: drawn from the lots it names", at).isEqualTo(r.draws());
      assertThat(r.draws().stream().mapToLong(LotDraw::points).sum()).as("%s: its draws are its points", at)
          .isEqualTo(r.points());
      if (r.succeeded()) {
        assertThat(back).as("%s: a redemption that holds its reward gave nothing back", at).isEmpty();
      } else {
        assertThat(back).as("%s: what it took was given back", at).isPresent();
        checkGivenBack(card, r, back.get(), at);
      }
      checkOtherCard(store, r, catalog.get(r.reward()), at);
    }
  }

  /** The points of a rolled-back redemption went back to the lots they came from, or into one fresh lot. */
  private static void checkGivenBack(Card card, Redemption r, LedgerEntry back, String at) {
    assertThat(back.type()).as("%s: given back as a POINTS_REFUND", at).isEqualTo(EntryType.POINTS_REFUND);
    assertThat(back.card()).as("%s: given back to its card", at).isEqualTo(card.code());
    assertThat(back.points()).as("%s: given back exactly what it took", at).isEqualTo(r.points());
    List<LotDraw> taken = new ArrayList<>(r.draws());
    long fresh = 0;
    for (LotDraw d : back.draws()) {
      if (d.lot() == back.seq()) {
        fresh += d.points();
        Optional<Lot> lot = card.lots().stream().filter(l -> l.id() == d.lot()).findFirst();
        assertThat(lot).as("%s: the fresh lot %s exists", at, d.lot()).isPresent();
        assertThat(lot.get().initial()).as("%s: the fresh lot holds the points that could not go back", at)
            .isEqualTo(d.points());
      } else {
        assertThat(taken.remove(d)).as("%s: %s goes back to a lot it was drawn from, as much as was drawn (drawn: %s)", at,
            d, r.draws()).isTrue();
      }
    }
    assertThat(taken.stream().mapToLong(LotDraw::points).sum()).as("%s: what did not go back to its lot is the fresh lot",
        at).isEqualTo(fresh);
  }

  /** A LOYALTY_PROGRAM reward's points went into the member's card of the other program, under the redemption's key. */
  private static void checkOtherCard(LoyaltyStore store, Redemption r, @Nullable Reward reward, String at) {
    if (reward == null || !(reward.kind() instanceof RewardKind.Campaign c)
        || c.type() != RewardKind.CampaignType.LOYALTY_PROGRAM || UNDELIVERED.equals(r.failureCode())) {
      return;
    }
    Optional<LedgerEntry> credit = store.entry(new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.REWARD, r.id()));
    assertThat(credit).as("%s: the other program's card was credited under the redemption's key", at).isPresent();
    assertThat(credit.get().card().value()).as("%s: the credited card is the fulfilment's reference", at)
        .isEqualTo(r.fulfilment().reference());
    assertThat(credit.get().points()).as("%s: credited the reward's points", at).isEqualTo(c.balance());
  }
}
