package io.loyalty.testkit;

import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.WorkloadPrograms.CUSTOMERS;
import static io.loyalty.testkit.WorkloadPrograms.PROGRAMS;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The planners of the step kinds: each turns three random numbers into one concrete, re-sendable request. */
final class Steps {
  private static final Duration[] ADVANCES =
      {Duration.ofHours(1), Duration.ofHours(5), Duration.ofHours(23), Duration.ofHours(49), Duration.ofDays(8)};

  /**
   * What a planner may look at: the history so far, the reference store (to name the card a customer holds), the
   * clock, and the step's index (for unique ids).
   */
  record Context(History history, LoyaltyStore reference, SteppingClock clock) {
    int index() {
      return history.step;
    }

    CardCode cardOf(ProgramId program, CustomerId customer) {
      return reference.cardOf(program, customer, WalletId.MAIN).map(Card::code)
          .orElse(CardCode.of("none-" + program + "-" + customer));
    }

    /** Mostly a published card (chosen by {@code n}), sometimes a code no card has, so both paths are exercised. */
    CardCode memberCard(int n) {
      List<Card> members = new ArrayList<>();
      for (ProgramId program : PROGRAMS) {
        reference.cards(program, "", 100).stream().filter(Card::isPublished).forEach(members::add);
      }
      if (members.isEmpty() || Math.floorMod(n, 10) == 0) {
        return CardCode.of("none-" + Math.floorMod(n, 7));
      }
      return members.get(Math.floorMod(n / 10, members.size())).code();
    }

    CustomerId holder(CardCode card) {
      return reference.card(card).map(Card::holder).orElse(CUSTOMERS.get(0));
    }

    /** Every redemption the reference store holds, as it stands now: by program, card code, then oldest first. */
    List<Redemption> redemptions() {
      List<Redemption> all = new ArrayList<>();
      for (ProgramId program : PROGRAMS) {
        for (Card card : reference.cards(program, "", 100)) {
          all.addAll(reference.redemptions(card.code()));
        }
      }
      return all;
    }
  }

  private Steps() {}

  private static CustomerId customer(int n) {
    return CUSTOMERS.get(Math.floorMod(n, CUSTOMERS.size()));
  }

  private static ProgramId program(int n) {
    return PROGRAMS.get(Math.floorMod(n, PROGRAMS.size()));
  }

  static Request enrol(Context ctx, Step s) {
    CustomerId customer = customer(s.a());
    ProgramId program = program(s.b());
    return Request.of("enrol " + customer + " in " + program, List.of(customer), e -> e.enrol(program, customer))
        .recoveredBy(new Request.LostAck("member_already_exists", true, store -> store.cardOf(program, customer, WalletId.MAIN).orElseThrow()));
  }

  static Request order(Context ctx, Step s) {
    CustomerId customer = customer(s.a());
    List<OrderItem> items = new ArrayList<>();
    int lines = 1 + Math.floorMod(s.b(), 3);
    for (int i = 0; i < lines; i++) {
      int r = Math.floorMod(s.c() >> (i * 5), 32);
      long price = 100L * (1 + r) + Math.floorMod(s.b(), 100);
      items.add(r % 3 == 0 ? OrderItem.sku("p1", "s1", 1 + r % 4, price) : OrderItem.product("p" + (r % 2), 1 + r % 3, price));
    }
    Order order = Order.of("ord-" + ctx.index(), "EUR", items.toArray(OrderItem[]::new));
    OrderPaid paid = OrderPaid.of("evt-" + ctx.index(), ctx.clock().instant(), Customer.of(customer.value()), order);
    return Request.event("order " + order.id() + " of " + customer + " for " + order.amount(), customer, paid);
  }

  static Request customEvent(Context ctx, Step s) {
    CustomerId customer = customer(s.a());
    CustomEvent review = CustomEvent.of("evt-" + ctx.index(), ctx.clock().instant(), Customer.of(customer.value()), "review",
        Metadata.of("stars", Math.floorMod(s.b(), 6)));
    return Request.event("review by " + customer, customer, review);
  }

  static Request refund(Context ctx, Step s) {
    List<History.PaidOrder> orders = ctx.history().orders;
    if (orders.isEmpty()) {
      return order(ctx, s);
    }
    History.PaidOrder paid = orders.get(Math.floorMod(s.a(), orders.size()));
    Customer customer = Customer.of(paid.customer().value());
    String id = "evt-" + ctx.index();
    OrderRefunded refund = Math.floorMod(s.b(), 3) == 0
        ? OrderRefunded.whole(id, ctx.clock().instant(), customer, paid.order().id().value())
        : OrderRefunded.lines(id, ctx.clock().instant(), customer, paid.order().id().value(),
            new RefundLine(Math.floorMod(s.c(), paid.order().items().size()), 1));
    return Request.event("refund of " + paid.order().id() + (refund.isWhole() ? " whole" : " " + refund.lines()),
        paid.customer(), refund);
  }

  static Request addPoints(Context ctx, Step s) {
    CardCode card = ctx.memberCard(s.a());
    CustomerId customer = ctx.holder(card);
    long points = 1 + Math.floorMod(s.c(), 50);
    AddedPointsExpiry expiry = switch (Math.floorMod(s.c() >> 8, 3)) {
      case 0 -> AddedPointsExpiry.programRules();
      case 1 -> AddedPointsExpiry.never();
      default -> AddedPointsExpiry.on(LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC).plusDays(Math.floorMod(s.c(), 5)));
    };
    String source = "add-" + ctx.index();
    return Request.of("add " + points + " to " + card, List.of(customer),
        e -> e.addPoints(card, points, expiry, "goodwill", source));
  }

  static Request removePoints(Context ctx, Step s) {
    CardCode card = ctx.memberCard(s.a());
    CustomerId customer = ctx.holder(card);
    long points = 1 + Math.floorMod(s.c(), 40);
    String source = "remove-" + ctx.index();
    return Request.of("remove " + points + " from " + card, List.of(customer),
        e -> e.removePoints(card, points, "correction", source));
  }

  static Request transfer(Context ctx, Step s) {
    CardCode source = ctx.memberCard(s.a());
    CardCode target = ctx.memberCard(s.c());
    CustomerId from = ctx.holder(source);
    CustomerId to = ctx.holder(target);
    long points = 1 + Math.floorMod(s.b() >> 2, 40);
    String id = "transfer-" + ctx.index();
    return Request.of("transfer " + points + " from " + source + " to " + target, List.of(from, to),
        e -> e.transfer(source, target, points, "gift", id));
  }

  static Request replay(Context ctx, Step s) {
    List<LoyaltyEvent> events = ctx.history().events;
    if (events.isEmpty()) {
      return customEvent(ctx, s);
    }
    LoyaltyEvent event = events.get(Math.floorMod(s.a(), events.size()));
    return Request.event("replay of " + event.id(), event.customer().id(), event);
  }

  static Request advanceClock(Context ctx, Step s) {
    // Time moves once for both engines: here, when the step is planned, not in the call each engine makes.
    Duration by = ADVANCES[Math.floorMod(s.a(), ADVANCES.length)];
    ctx.clock().advance(by);
    return Request.of("advance the clock by " + by, List.of(), e -> by);
  }

  static Request sweep(Context ctx, Step s) {
    ProgramId program = program(s.a());
    return new Request("sweep " + program, CUSTOMERS, e -> e.sweep(program, ctx.clock().instant()), null, false, null, null);
  }

  static Request redefine(Context ctx, Step s) {
    long perEuro = 1 + Math.floorMod(s.a(), 2);
    return Request.of("redefine alpha at " + perEuro + " per euro", List.of(), e -> e.define(WorkloadPrograms.alpha(perEuro)));
  }

  static Request toggleCard(Context ctx, Step s) {
    CustomerId customer = customer(s.a());
    ProgramId program = program(s.b());
    CardCode card = ctx.cardOf(program, customer);
    boolean active = ctx.reference().card(card).map(Card::active).orElse(true);
    return Request.of((active ? "disable " : "enable ") + card, List.of(customer),
        e -> active ? e.disable(card) : e.enable(card));
  }
}
