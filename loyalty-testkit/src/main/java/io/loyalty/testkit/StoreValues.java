package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.EventReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small values the port contracts write: programs, cards, entries, receipts, rewards and redemptions by short ids. */
final class StoreValues {
  static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private StoreValues() {}

  static ProgramId pid(String id) {
    return ProgramId.of(id);
  }

  static CardCode code(String code) {
    return CardCode.of(code);
  }

  static CustomerId cust(String id) {
    return CustomerId.of(id);
  }

  static Program program(String id, long version) {
    return Program.builder(pid(id), "Program " + id + " v" + version).build().withVersion(version);
  }

  static Card generated(String code, String program) {
    return Card.generated(code(code), pid(program), T0);
  }

  /** A new card whose first {@code lastSeq} entries are written with it. */
  static Card generated(String code, String program, long lastSeq) {
    return Card.generated(code(code), pid(program), T0).toBuilder().lastSeq(lastSeq).build();
  }

  /** The card one version on, same ledger end. */
  static Card next(Card c) {
    return advanced(c, c.lastSeq());
  }

  /** The card one version on, with its ledger reaching {@code lastSeq}. */
  static Card advanced(Card c, long lastSeq) {
    return c.toBuilder().version(c.version() + 1).lastSeq(lastSeq).build();
  }

  /** The card one version on, published to the customer. */
  static Card publish(Card c, String customer) {
    return c.toBuilder().version(c.version() + 1).holder(cust(customer)).publishedAt(T0).build();
  }

  static LedgerEntry entry(String card, long seq, String key, @Nullable String order) {
    return LedgerEntry.builder().card(code(card)).seq(seq).type(EntryType.POINTS_ADDITION).points(10)
        .balanceAfter(10 * seq).at(T0).key(LedgerKey.parse(key)).programVersion(1).order(order == null ? null : OrderId.of(order)).build();
  }

  static EventReceipt receipt(String event) {
    OrderPaid paid = OrderPaid.of(event, T0, Customer.of("cust1"), Order.ofAmount("ord1", "EUR", 1000));
    return new EventReceipt(paid, new EventOutcome(paid.id(), paid.name(), T0, List.of()));
  }

  static Reward reward(String id, long version, @Nullable Long stock, long redeemed) {
    return new Reward(RewardId.of(id), version, "Reward " + id, new RewardKind.Material(ProductId.of("prod_mug"), null),
        stock, redeemed, false, Metadata.EMPTY);
  }

  /** A successful redemption on the card, {@code minutes} after {@link #T0}. */
  static Redemption redemption(String id, long version, String card, long minutes) {
    return Redemption.builder().id(RedemptionId.of(id)).version(version).program(pid("P1")).card(code(card))
        .assignment(AssignmentId.of("rewa_1")).reward(RewardId.of("rew1")).at(T0.plus(Duration.ofMinutes(minutes)))
        .status(Redemption.Status.SUCCEEDED).points(10).draws(List.of(new LotDraw(1, 10)))
        .fulfilment(Redemption.Fulfilment.NONE).build();
  }

  /** The redemption one version on, rolled back. */
  static Redemption rolledBack(Redemption r) {
    return r.with(Redemption.Status.ROLLED_BACK, Redemption.Fulfilment.NONE, null, "", T0.plus(Duration.ofHours(1)),
        "customer changed their mind");
  }

  static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      values.add(v);
    }
    return values;
  }
}
