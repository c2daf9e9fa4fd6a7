package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierPolicy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tier policies that keep a tier for a term (digest section 6.2): {@code BALANCE} with a {@code CUSTOM} term (seed
 * 001's {@code P3M} rounded to the month's end), and {@code POINTS_IN_PERIOD} with its starts and ends. Reads as of an
 * instant settle terms with no write; a later write records each move once, with the instant it took effect.
 */
@DisplayName("tier terms: CUSTOM, END_OF_PERIOD, END_OF_NEXT_PERIOD, prolonged terms and lazy settling")
class TierTermsTest {
  private static final Set<OutboxEvent.Type> TIER_EVENTS = EnumSet.of(OutboxEvent.Type.TIER_JOINED,
      OutboxEvent.Type.TIER_LEFT, OutboxEvent.Type.TIER_UPGRADED, OutboxEvent.Type.TIER_DOWNGRADED,
      OutboxEvent.Type.TIER_PROLONGED, OutboxEvent.Type.TIER_EXPIRATION_CHANGED);
  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  /** 2024-03-04 10:00 UTC. */
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(9))
      .build();

  /** Basic 0-99, Silver 100-499, Gold 500+, under the policy, in Warsaw. */
  private Program ladder(TierPolicy policy) {
    return Program.builder(Fixtures.PROGRAM, "terms").zone(WARSAW)
        .tier(Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(99L).build())
        .tier(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L).build())
        .tier(Tier.builder(TierId.of("ltr_gold"), "Gold", 500).build())
        .tierPolicy(policy)
        .build();
  }

  private static Instant warsawMidnight(String date) {
    return java.time.LocalDate.parse(date).atStartOfDay(WARSAW).toInstant();
  }

  private String tierAt(CardCode card, Instant at) {
    return engine.tier(card, at).map(t -> t.id().value()).orElse("-");
  }

  private void add(CardCode card, long points, String id) {
    engine.addPoints(card, points, AddedPointsExpiry.never(), "test", id);
  }

  private List<String> events() {
    return store.pending("test", TIER_EVENTS, 100).stream().map(e -> {
      OutboxEvent.TierChange c = (OutboxEvent.TierChange) e.payload();
      return e.type().wireName() + " " + (c.from() == null ? "-" : c.from().value()) + ">"
          + (c.to() == null ? "-" : c.to().value()) + " @" + (c.effective() == null ? "now" : c.effective())
          + " until " + c.expiresAt();
    }).toList();
  }

  @Test
  @DisplayName("seed 001's policy: a tier reached is kept for 3 months to the month's end; the balance then decides")
  void balanceWithCustomTerm() {
    TierPolicy seed001 = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P3M"),
            new TierPolicy.Rounding(TierPolicy.CalendarPeriod.MONTH, TierPolicy.Strategy.END, null)));
    engine.define(ladder(seed001));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    add(card, 150, "a1"); // 2024-03-04: Silver, until 2024-06-04 rounded to June's end: ends at 00:00 of July 1st
    Instant silverEnd = warsawMidnight("2024-07-01");
    engine.removePoints(card, 120, "spent", "r1"); // 30 points: a drop does not end the term
    assertThat(tierAt(card, clock.instant())).isEqualTo("ltr_silver");
    assertThat(tierAt(card, silverEnd.minusNanos(1))).isEqualTo("ltr_silver");
    assertThat(tierAt(card, silverEnd)).as("read lazily, with no write").isEqualTo("ltr_basic");
    assertThat(events()).containsExactly(
        "tier.joined ->ltr_basic @now until null",
        "tier.upgraded ltr_basic>ltr_silver @now until " + silverEnd);
    // a write in August records the move of July 1st once, with the instant it took effect
    clock.set(Instant.parse("2024-08-10T12:00:00Z"));
    add(card, 500, "a2"); // 530: Gold, until 2024-11-10 rounded: 00:00 of December 1st
    Instant goldEnd = warsawMidnight("2024-12-01");
    assertThat(events()).containsExactly(
        "tier.joined ->ltr_basic @now until null",
        "tier.upgraded ltr_basic>ltr_silver @now until " + silverEnd,
        "tier.downgraded ltr_silver>ltr_basic @" + silverEnd + " until null",
        "tier.upgraded ltr_basic>ltr_gold @now until " + goldEnd);
    // still 530 at the term's end: the term is prolonged, to 2025-03-01 rounded to March's end
    Instant prolongedEnd = warsawMidnight("2025-04-01");
    assertThat(tierAt(card, goldEnd)).isEqualTo("ltr_gold");
    assertThat(tierAt(card, prolongedEnd.minusNanos(1))).isEqualTo("ltr_gold");
    clock.set(Instant.parse("2025-01-15T09:00:00Z"));
    engine.removePoints(card, 430, "spent", "r2"); // 100: Silver by balance, Gold kept for its term
    assertThat(events()).endsWith(
        "tier.prolonged ltr_gold>ltr_gold @" + goldEnd + " until " + prolongedEnd,
        "tier.expiration_changed ltr_gold>ltr_gold @" + goldEnd + " until " + prolongedEnd);
    assertThat(tierAt(card, prolongedEnd)).as("100 points at the end: Silver").isEqualTo("ltr_silver");
    // the member's tier with its term, and the whole history, each as known at its instant
    assertThat(engine.memberTier(card, Instant.parse("2024-12-15T00:00:00Z"))).hasValue(
        new MemberTier(engine.program(Fixtures.PROGRAM).tiers().get(2), Instant.parse("2024-08-10T12:00:00Z"),
            prolongedEnd));
    assertThat(engine.memberTier(card, Instant.parse("2024-11-15T00:00:00Z")).orElseThrow().expiresAt())
        .as("before the term was prolonged, its end was December 1st").isEqualTo(goldEnd);
    assertThat(engine.tierHistory(card)).extracting(s -> (s.tier() == null ? "-" : s.tier().id().value()) + " from "
        + s.from() + " until " + s.expiresAt()).containsExactly(
            "ltr_silver from " + Fixtures.T0 + " until " + silverEnd,
            "ltr_basic from " + silverEnd + " until null",
            "ltr_gold from 2024-08-10T12:00:00Z until " + goldEnd,
            "ltr_gold from " + goldEnd + " until " + prolongedEnd);
    // history: each past instant reads what a read then read
    assertThat(tierAt(card, Fixtures.T0)).isEqualTo("ltr_silver");
    assertThat(tierAt(card, Instant.parse("2024-07-15T00:00:00Z"))).isEqualTo("ltr_basic");
    assertThat(tierAt(card, Instant.parse("2024-09-01T00:00:00Z"))).isEqualTo("ltr_gold");
  }

  @Test
  @DisplayName("POINTS_IN_PERIOD: earned points count per month, spending never lowers them, a term runs to the next month's end and requalifying prolongs it")
  void pointsInPeriodEndOfNextPeriod() {
    engine.define(ladder(new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.MONTH,
        TierPolicy.Start.IMMEDIATE, new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_NEXT_PERIOD, null, null))));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
    add(card, 60, "a1");
    engine.removePoints(card, 60, "spent", "r1");
    add(card, 60, "a2"); // 120 earned in March (the balance is 60): Silver until the end of April
    Instant aprilEnd = warsawMidnight("2024-05-01");
    assertThat(tierAt(card, clock.instant())).isEqualTo("ltr_silver");
    clock.set(Instant.parse("2024-04-02T08:00:00Z"));
    add(card, 90, "a3"); // April counts afresh: 90, no tier reached; the March term still holds
    assertThat(tierAt(card, clock.instant())).isEqualTo("ltr_silver");
    add(card, 20, "a4"); // 110 in April: Silver again, to the end of May: prolonged
    Instant mayEnd = warsawMidnight("2024-06-01");
    assertThat(tierAt(card, aprilEnd)).isEqualTo("ltr_silver");
    assertThat(tierAt(card, mayEnd)).as("nothing earned in May: back to the base tier").isEqualTo("ltr_basic");
    assertThat(events()).containsExactly(
        "tier.joined ->ltr_basic @now until null",
        "tier.upgraded ltr_basic>ltr_silver @now until " + aprilEnd,
        "tier.prolonged ltr_silver>ltr_silver @now until " + mayEnd,
        "tier.expiration_changed ltr_silver>ltr_silver @now until " + mayEnd);
    clock.set(Instant.parse("2024-05-20T08:00:00Z"));
    add(card, 600, "a5"); // 600 in May: Gold to the end of June, over the Silver term
    Instant juneEnd = warsawMidnight("2024-07-01");
    assertThat(tierAt(card, clock.instant())).isEqualTo("ltr_gold");
    assertThat(tierAt(card, juneEnd)).isEqualTo("ltr_basic");
    assertThat(events()).endsWith("tier.upgraded ltr_silver>ltr_gold @now until " + juneEnd);
  }

  @Test
  @DisplayName("POINTS_IN_PERIOD by quarter, NEXT_PERIOD start: a tier earned in Q1 holds through Q2, from its first day")
  void nextPeriodStart() {
    engine.define(ladder(new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.QUARTER,
        TierPolicy.Start.NEXT_PERIOD, new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_PERIOD,
            IsoDuration.parse("P7D"), null))));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("carol")).code();
    add(card, 700, "a1"); // Q1 2024: Gold from 2024-04-01, to the end of Q2 plus 7 days (July 7th, so 00:00 of the 8th)
    Instant start = warsawMidnight("2024-04-01");
    Instant end = warsawMidnight("2024-07-08");
    assertThat(tierAt(card, start.minusNanos(1))).isEqualTo("ltr_basic");
    assertThat(tierAt(card, start)).isEqualTo("ltr_gold");
    assertThat(tierAt(card, end.minusNanos(1))).isEqualTo("ltr_gold");
    assertThat(tierAt(card, end)).isEqualTo("ltr_basic");
    clock.set(Instant.parse("2024-08-01T00:00:00Z"));
    add(card, 1, "a2");
    assertThat(events()).containsExactly(
        "tier.joined ->ltr_basic @now until null",
        "tier.upgraded ltr_basic>ltr_gold @" + start + " until " + end,
        "tier.downgraded ltr_gold>ltr_basic @" + end + " until null");
  }

  @Test
  @DisplayName("a sweep records a term's start and end once, with no other write; a second sweep records nothing")
  void sweepRecordsTermMoves() {
    engine.define(ladder(new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.QUARTER,
        TierPolicy.Start.NEXT_PERIOD, new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_PERIOD, null, null))));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("dave")).code();
    add(card, 700, "a1"); // Gold from April 1st to July 1st
    clock.set(Instant.parse("2024-04-02T00:00:00Z"));
    engine.sweep(Fixtures.PROGRAM, clock.instant());
    engine.sweep(Fixtures.PROGRAM, clock.instant());
    Instant start = warsawMidnight("2024-04-01");
    assertThat(events()).containsExactly(
        "tier.joined ->ltr_basic @now until null",
        "tier.upgraded ltr_basic>ltr_gold @" + start + " until " + warsawMidnight("2024-07-01"));
    clock.set(Instant.parse("2024-07-03T00:00:00Z"));
    engine.sweep(card, clock.instant());
    engine.sweep(card, clock.instant());
    assertThat(events()).endsWith("tier.downgraded ltr_gold>ltr_basic @" + warsawMidnight("2024-07-01") + " until null");
    assertThat(events()).hasSize(3);
  }

  @Test
  @DisplayName("section 6.4: a policy change leaves tiers as they were; a refresh after a threshold change only upgrades")
  void policyChangeAndRefresh() {
    Program drop = ladder(TierPolicy.BALANCE_DROP);
    engine.define(drop);
    CardCode alice = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    CardCode bob = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
    add(alice, 150, "a1");
    add(bob, 600, "b1");
    TierPolicy keep = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P1M"), null));
    Program kept = engine.define(engine.program(Fixtures.PROGRAM).toBuilder().tierPolicy(keep).build());
    assertThat(tierAt(alice, clock.instant())).isEqualTo("ltr_silver");
    assertThat(tierAt(bob, clock.instant())).isEqualTo("ltr_gold");
    clock.advance(java.time.Duration.ofHours(1));
    engine.removePoints(alice, 20, "spent", "r1"); // 130: Silver, now as a term from this first write under the policy
    assertThat(tierAt(alice, clock.instant())).isEqualTo("ltr_silver");
    // the ladder changes in its own edit: Gold from 120; Alice's term holds until a refresh upgrades her
    engine.define(kept.toBuilder().tiers(List.of(
        Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(39L).build(),
        Tier.builder(TierId.of("ltr_silver"), "Silver", 40).to(119L).build(),
        Tier.builder(TierId.of("ltr_gold"), "Gold", 120).build())).build());
    assertThat(tierAt(alice, clock.instant())).isEqualTo("ltr_silver");
    clock.advance(java.time.Duration.ofHours(1));
    assertThat(engine.refreshTiers(Fixtures.PROGRAM)).as("Alice moves up; Bob stays Gold").isEqualTo(1);
    assertThat(tierAt(alice, clock.instant())).isEqualTo("ltr_gold");
    assertThat(tierAt(bob, clock.instant())).isEqualTo("ltr_gold");
    assertThat(engine.refreshTiers(Fixtures.PROGRAM)).as("a second refresh moves nobody").isZero();
    assertThat(events()).endsWith("tier.upgraded ltr_silver>ltr_gold @now until "
        + clock.instant().atZone(WARSAW).toLocalDate().plusMonths(1).plusDays(1).atStartOfDay(WARSAW).toInstant());
  }

  @Test
  @DisplayName("the outlook: the tier's end, the points to the next tier, and the drop that comes if nothing happens")
  void outlook() {
    TierPolicy keep = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P1M"), null));
    engine.define(ladder(keep));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("erin")).code();
    add(card, 520, "a1"); // Gold for a month
    engine.removePoints(card, 400, "spent", "r1"); // 120: Silver by balance, Gold kept
    Instant end = warsawMidnight("2024-04-05"); // 2024-03-04 + P1M = April 4th: ends at 00:00 of the 5th
    TierOutlook gold = engine.tierOutlook(card, clock.instant());
    assertThat(gold.current().id().value()).isEqualTo("ltr_gold");
    assertThat(gold.currentEndsAt()).isEqualTo(end);
    assertThat(gold.next()).as("the top").isNull();
    assertThat(gold.dropAt()).isEqualTo(end);
    assertThat(gold.dropsTo().id().value()).as("120 points at its end").isEqualTo("ltr_silver");
    // from Silver's side: 380 more points reach Gold
    TierOutlook silver = engine.tierOutlook(card, end);
    assertThat(silver.current().id().value()).isEqualTo("ltr_silver");
    assertThat(silver.next().id().value()).isEqualTo("ltr_gold");
    assertThat(silver.pointsToNext()).isEqualTo(380);
  }

  @Test
  @DisplayName("the outlook under POINTS_IN_PERIOD: the points to earn by the period's end")
  void outlookInPeriod() {
    engine.define(ladder(new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.MONTH,
        TierPolicy.Start.IMMEDIATE, new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_PERIOD, null, null))));
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("fred")).code();
    add(card, 130, "a1"); // Silver to the end of March
    TierOutlook o = engine.tierOutlook(card, clock.instant());
    assertThat(o.current().id().value()).isEqualTo("ltr_silver");
    assertThat(o.pointsToNext()).as("500 - 130 earned this month").isEqualTo(370);
    assertThat(o.periodEndsAt()).isEqualTo(warsawMidnight("2024-04-01"));
    assertThat(o.dropAt()).isEqualTo(warsawMidnight("2024-04-01"));
    assertThat(o.dropsTo().id().value()).isEqualTo("ltr_basic");
  }

  @Test
  @DisplayName("a term's earning and reward mappings follow the tier held, not the balance")
  void mappingsFollowTheTermHeld() {
    TierPolicy keep = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P1M"), null));
    Program base = TierEarningTest.ladder();
    engine.define(base.toBuilder().tierPolicy(keep).build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    add(card, 200, "a1"); // Silver for a month
    engine.removePoints(card, 190, "spent", "r1"); // 10 points: Silver kept
    clock.advance(java.time.Duration.ofMinutes(1));
    var outcome = engine.apply(io.loyalty.spi.event.OrderPaid.of("e1", clock.instant(), Fixtures.customer("alice"),
        io.loyalty.spi.event.Order.ofAmount("o_1", "USD", 10_000)));
    // Silver maps the per-dollar rule x1.5: 150 + 10 (the balance alone, 10 points, would have been Basic: 100 + 10)
    assertThat(outcome.programs().get(0).points()).isEqualTo(160);
  }
}
