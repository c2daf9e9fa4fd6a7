package io.loyalty.examples;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.Replay;
import io.loyalty.spi.EventId;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.Program;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Plays Voucherify's loyalty tutorial on the in-memory store: the seed program and its fourteen earning
 * rules, two members with {@code ACME-CARD-#######} codes, orders and events earning through each formula
 * kind, a quote equal to the apply that follows, a retried event, and the balances and ledgers.
 */
public final class SeedTutorial {
  private final PrintStream out;

  SeedTutorial(PrintStream out) {
    this.out = out;
  }

  /** Runs the tutorial, printing to standard output. */
  public static void main(String[] args) {
    new SeedTutorial(System.out).run();
  }

  void run() {
    // The engine's clock is "now": cards are settled and written as of it. Events carry their own time, by which
    // their rules are judged; they may be late (up to 366 days by default) but never ahead of the clock (5 minutes
    // of skew). Here the week's events are all delivered on Saturday afternoon.
    Clock clock = Clock.fixed(Instant.parse("2022-11-12T14:00:00Z"), ZoneOffset.UTC);
    InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    LoyaltyEngine engine = LoyaltyEngine.builder()
        .store(store)
        .clock(clock)
        .validationRules(SeedProgram.acceptsMarketing())
        .eventSchemas(SeedProgram.pageViewSchema())
        .productCollections(ProductCollections.of(SeedProgram.collections()))
        .build();

    Program program = engine.define(SeedProgram.program());
    title("1. Program defined");
    out.printf("%s \"%s\", version %d, %d earning rules, AUTO_UPDATE pool of %d cards%n", program.id(), program.name(),
        program.version(), program.earningRules().size(), program.pool().vouchersCount());

    title("2. Members enrolled");
    Customer alice = new Customer(CustomerId.of("alice@morgan.com"),
        Metadata.of("accepts_marketing", true, "customer_life_time_value", 14), java.util.Set.of());
    Customer bob = new Customer(CustomerId.of("bob@morgan.com"),
        Metadata.of("accepts_marketing", false, "customer_life_time_value", 3), java.util.Set.of());
    Card aliceCard = engine.enrol(program.id(), alice.id());
    Card bobCard = engine.enrol(program.id(), bob.id());
    out.printf("%-18s -> %s%n%-18s -> %s%n", alice.id(), aliceCard.code(), bob.id(), bobCard.code());

    title("3. Alice pays an order on Monday 13:20 UTC (inside the rules' daily 13:00-14:00 window)");
    OrderItem phone = OrderItem.sku(SeedProgram.PHONE, SeedProgram.BRAND_PHONE_SKU, 1, 49_900);
    OrderItem cases = OrderItem.product(SeedProgram.PHONE_CASE, 2, 1_500).withDiscount(500);
    Order order = Order.of("ord_1001", "USD", phone, cases).withDiscount(1_000).withMetadata(Metadata.of("number_of_store_visits", 5));
    out.printf("order %s: amount %s, total %s; lines: 0 = 1 x brand phone at %s, 1 = 2 x case at %s less %s%n",
        order.id(), money(order.amount()), money(order.totalAmount()), money(49_900), money(1_500), money(500));
    print(engine.apply(OrderPaid.of("evt_order_1001", Instant.parse("2022-11-07T13:20:00Z"), alice, order)));

    title("4. Bob's order: a quote, then the apply, which gives the same outcome");
    Order bobOrder = Order.of("ord_1002", "USD", OrderItem.product(SeedProgram.PHONE_CASE, 1, 1_500));
    OrderPaid bobPaid = OrderPaid.of("evt_order_1002", Instant.parse("2022-11-08T13:05:00Z"), bob, bobOrder);
    EventOutcome quote = engine.quote(bobPaid);
    out.printf("quote: %d points; balance still %d%n", quote.points(), engine.balance(bobCard.code()));
    EventOutcome applied = engine.apply(bobPaid);
    print(applied);
    out.printf("quote equals apply: %s%n", quote.equals(applied));

    title("5. Alice views page 7, then enters the birthday segment");
    print(engine.apply(CustomEvent.of("evt_view_1", Instant.parse("2022-11-09T13:30:00Z"), alice, "page_view",
        Metadata.of("volume_number", 7, "url", "https://example.com/vol/7"))));
    print(engine.apply(SegmentEntered.of("evt_birthday_1", Instant.parse("2022-11-10T13:45:00Z"),
        alice.inSegments(SeedProgram.BIRTHDAY), SeedProgram.BIRTHDAY.value())));

    title("6. Outside the window: Alice views a page at 15:00, and on a Saturday");
    print(engine.apply(CustomEvent.of("evt_view_2", Instant.parse("2022-11-09T15:00:00Z"), alice, "page_view",
        Metadata.of("volume_number", 2))));
    print(engine.apply(CustomEvent.of("evt_view_3", Instant.parse("2022-11-12T13:30:00Z"), alice, "page_view",
        Metadata.of("volume_number", 2))));

    title("7. The order event is delivered again: nothing is credited twice");
    EventOutcome retried = engine.apply(OrderPaid.of("evt_order_1001", Instant.parse("2022-11-07T13:20:00Z"), alice, order));
    out.printf("retry returns the first outcome (%d points); Alice's balance is still %d%n", retried.points(),
        engine.balance(aliceCard.code()));

    title("8. Balances and ledgers");
    for (Card card : java.util.List.of(aliceCard, bobCard)) {
      out.printf("%s (%s): balance %d%n", card.code(), engine.card(card.code()).holder(), engine.balance(card.code()));
      for (LedgerEntry e : engine.ledger(card.code())) {
        out.printf("  #%-2d %-16s %+8d -> %8d  %-24s %s%n", e.seq(), e.type(), e.points(), e.balanceAfter(),
            e.rule() == null ? "" : e.rule(), e.reason());
      }
    }

    title("9. What happened, derived again, and what would have happened");
    // The receipt holds what the decision used (the program version, the card's state, the host's answers about
    // collections and named rules): a replay asks the host nothing.
    Replay replay = engine.replay(EventId.of("evt_order_1001"));
    out.printf("replay of evt_order_1001 from its receipt: %d points, identical to the recorded outcome: %s%n",
        replay.replayed().points(), replay.identical());
    Program withoutFirstRule = program.toBuilder()
        .earningRules(program.earningRules().subList(1, program.earningRules().size())).build();
    Replay whatIf = engine.replay(EventId.of("evt_order_1001"), withoutFirstRule);
    out.printf("without rule %s the order would have earned %d points instead of %d%n",
        program.earningRules().get(0).id(), whatIf.replayed().points(), whatIf.recorded().points());

    title("10. The events the host hears: the outbox, written in the same commits");
    java.util.Map<OutboxEvent.Type, Long> byType = new java.util.TreeMap<>();
    for (OutboxEvent event : store.pending("tutorial", java.util.Set.of(), 1_000)) {
      byType.merge(event.type(), 1L, Long::sum);
    }
    byType.forEach((type, count) -> out.printf("  %-24s %d%n", type.wireName(), count));
  }

  private void print(EventOutcome outcome) {
    out.printf("%s %s: %d points%n", outcome.eventName(), outcome.event(), outcome.points());
    for (ProgramOutcome program : outcome.programs()) {
      for (Accrual a : program.accruals()) {
        out.printf("  + %6d  %-26s %s%s%n", a.points(), a.rule(),
            a.calculationType() == null || a.measured() == null ? "FIXED"
                : a.calculationType() + " of " + a.measured().toPlainString(),
            a.lines().isEmpty() ? "" : " from lines " + lines(a));
      }
      for (Skip s : program.skipped()) {
        out.printf("  -         %-26s %s: %s%n", s.rule(), s.reason(), s.detail());
      }
    }
  }

  private static String lines(Accrual a) {
    StringBuilder sb = new StringBuilder();
    for (LineShare line : a.lines()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(line.line()).append('=').append(line.value());
    }
    return sb.toString();
  }

  private void title(String text) {
    out.println();
    out.println("== " + text);
  }

  private static String money(long cents) {
    return String.format("$%d.%02d", cents / 100, cents % 100);
  }
}
