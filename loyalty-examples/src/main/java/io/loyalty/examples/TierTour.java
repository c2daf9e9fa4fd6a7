package io.loyalty.examples;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A tiered program on Voucherify's documented ladder (Basic 0–99, Silver 100–499, Gold 500–999, Platinum 1000+):
 * Silver and Gold multiply the per-dollar rule, the member moves up as she earns and down when points are taken,
 * and the tour prints each move (from the outbox) and her tier history, read as of each week after the fact.
 */
public final class TierTour {
  private final PrintStream out;

  TierTour(PrintStream out) {
    this.out = out;
  }

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    new TierTour(System.out).run();
  }

  void run() {
    Instant start = Instant.parse("2026-03-02T09:00:00Z");
    ExampleClock clock = new ExampleClock(start);
    InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).build();
    RuleId perDollar = RuleId.of("ern_per_dollar");
    Program program = engine.define(Program.builder(SeedProgram.ACME, "ACME Tiers")
        .earningRule(EarningRule.builder(perDollar, Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .tier(Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(99L).build())
        .tier(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L)
            .earningRule(perDollar, TierMapping.multiply(new BigDecimal("1.25"))).build())
        .tier(Tier.builder(TierId.of("ltr_gold"), "Gold", 500).to(999L)
            .earningRule(perDollar, TierMapping.multiply(new BigDecimal("1.5"))).build())
        .tier(Tier.builder(TierId.of("ltr_platinum"), "Platinum", 1000).earningRule(perDollar, TierMapping.multiply(
            BigDecimal.valueOf(2))).build())
        .build());
    CardCode card = engine.enrol(program.id(), CustomerId.of("alice@example.com")).code();
    long[] orders = {12_000, 30_000, 25_000, 40_000};
    List<Instant> weeks = new ArrayList<>();
    for (int i = 0; i < orders.length; i++) {
      clock.set(start.plus(Duration.ofDays(7L * i + 1)));
      long points = engine.apply(OrderPaid.of("evt_" + i, clock.instant(), Customer.of("alice@example.com"),
          Order.ofAmount("ord_" + i, "USD", orders[i]))).points();
      weeks.add(clock.instant());
      out.printf("Week %d: a $%d order earns %d points -> balance %d, tier %s%n", i + 1, orders[i] / 100, points,
          engine.balance(card), engine.tier(card).map(Tier::name).orElse("none"));
    }
    clock.set(start.plus(Duration.ofDays(30)));
    engine.removePoints(card, 900, "a returned order, settled by hand", null);
    weeks.add(clock.instant());
    out.printf("Day 30: 900 points removed by hand -> balance %d, tier %s%n", engine.balance(card),
        engine.tier(card).map(Tier::name).orElse("none"));
    out.println("Moves, as the outbox holds them:");
    for (OutboxEvent e : store.pending("tour", EnumSet.of(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_UPGRADED,
        OutboxEvent.Type.TIER_DOWNGRADED, OutboxEvent.Type.TIER_LEFT), 100)) {
      OutboxEvent.TierChange c = (OutboxEvent.TierChange) e.payload();
      out.printf("  %-15s %-12s -> %-12s at balance %d%n", e.type().wireName(), c.from() == null ? "-" : c.from(),
          c.to() == null ? "-" : c.to(), c.balance());
    }
    out.println("Tier history, read afterwards as of each step:");
    out.printf("  %s  %s%n", start, engine.tier(card, start).map(Tier::name).orElse("none"));
    for (Instant at : weeks) {
      out.printf("  %s  %s (balance %d)%n", at, engine.tier(card, at).map(Tier::name).orElse("none"),
          engine.balance(card, at));
    }
    keptForATerm(engine, store, clock, perDollar);
  }

  /**
   * Seed 001's policy: a tier reached is kept for three months rounded to the month's end, whatever the balance does
   * meanwhile, and reaching Gold earns a 100-point bonus (an earning rule on the tier event, fired once from the
   * outbox).
   */
  private void keptForATerm(LoyaltyEngine engine, InMemoryLoyaltyStore store, ExampleClock clock, RuleId perDollar) {
    out.println();
    out.println("Kept for a term (seed 001: CUSTOM, P3M, rounded to the month's end), with a bonus on reaching Gold:");
    Program kept = engine.define(Program.builder(io.loyalty.spi.ProgramId.of("camp_tiers_kept"), "ACME Tiers kept")
        .earningRule(EarningRule.builder(perDollar, Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .earningRule(EarningRule.builder(RuleId.of("ern_gold_bonus"),
            new Trigger.TierChange(Trigger.TierEvent.UPGRADED, "ltr_gold"), PointsFormula.fixed(100)).build())
        .tier(Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(99L).build())
        .tier(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L).build())
        .tier(Tier.builder(TierId.of("ltr_gold"), "Gold", 500).build())
        .tierPolicy(new io.loyalty.spi.tier.TierPolicy(io.loyalty.spi.tier.TierPolicy.Qualification.BALANCE, null,
            io.loyalty.spi.tier.TierPolicy.Start.IMMEDIATE, new io.loyalty.spi.tier.TierPolicy.Expiration(
                io.loyalty.spi.tier.TierPolicy.ExpirationType.CUSTOM, io.loyalty.spi.program.IsoDuration.parse("P3M"),
                new io.loyalty.spi.tier.TierPolicy.Rounding(io.loyalty.spi.tier.TierPolicy.CalendarPeriod.MONTH,
                    io.loyalty.spi.tier.TierPolicy.Strategy.END, null))))
        .build());
    CardCode card = engine.enrol(kept.id(), CustomerId.of("bob@example.com")).code();
    clock.set(Instant.parse("2026-04-06T10:00:00Z"));
    engine.apply(OrderPaid.of("evt_kept_1", clock.instant(), Customer.of("bob@example.com"),
        Order.ofAmount("ord_kept_1", "USD", 55_000)));
    out.printf("  %s: a $550 order -> balance %d (550 + the Gold bonus), tier %s until %s%n", clock.instant(),
        engine.balance(card), engine.tier(card).map(Tier::name).orElse("none"),
        engine.memberTier(card, clock.instant()).map(t -> String.valueOf(t.expiresAt())).orElse("-"));
    clock.set(Instant.parse("2026-05-15T10:00:00Z"));
    engine.removePoints(card, 600, "spent in store", null);
    out.printf("  %s: 600 points spent -> balance %d, tier %s (kept for its term)%n", clock.instant(), engine.balance(card),
        engine.tier(card).map(Tier::name).orElse("none"));
    clock.set(Instant.parse("2026-08-03T10:00:00Z"));
    engine.sweep(kept.id(), clock.instant());
    out.printf("  %s: a sweep after the term -> tier %s%n", clock.instant(), engine.tier(card).map(Tier::name).orElse("none"));
    out.println("  Tier history:");
    for (io.loyalty.core.TierSpan span : engine.tierHistory(card)) {
      out.printf("    from %s  %-6s until %s%n", span.from(), span.tier() == null ? "none" : span.tier().name(),
          span.expiresAt() == null ? "-" : span.expiresAt());
    }
  }
}
