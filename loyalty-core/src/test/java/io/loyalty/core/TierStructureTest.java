package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.TierStructureId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Downgrade;
import io.loyalty.spi.tier.TierStructure.DowngradeType;
import io.loyalty.spi.tier.TierStructure.Expiration;
import io.loyalty.spi.tier.TierStructure.Period;
import io.loyalty.spi.tier.TierStructure.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 tier structures (digest section 12.7, docs/tiers.md "v2 tier structures"): a member's tier on its card
 * of the structure's wallet, by balance or by points earned in a period, kept for a term, moved down one level or
 * many, after a grace period, and every move an outbox event.
 */
@DisplayName("loyalty v2: tier structures")
class TierStructureTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_ts");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final TierStructureId STRUCTURE = TierStructureId.of("lts_1");
  static final TierId BRONZE = TierId.of("lt_bronze");
  static final TierId SILVER = TierId.of("lt_silver");
  static final TierId GOLD = TierId.of("lt_gold");
  static final SegmentId VIP = SegmentId.of("seg_vip");
  static final Set TYPES = new Set();

  /** The outbox types of tier moves. */
  static final class Set {
    final EnumSet<OutboxEvent.Type> all = EnumSet.of(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_LEFT,
        OutboxEvent.Type.TIER_UPGRADED, OutboxEvent.Type.TIER_DOWNGRADED, OutboxEvent.Type.TIER_PROLONGED);
  }

  final MutableClock clock = new MutableClock(Fixtures.T0);
  final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(7)).build();

  /** Bronze from 0, Silver 100–499, Gold from 500; a point per dollar of an order. */
  static TierStructure.Builder ladder(TierStructure.Tracking tracking) {
    return TierStructure.builder(STRUCTURE, "Status", tracking)
        .tier(StructureTier.builder(BRONZE, "Bronze", 0).max(99L).build())
        .tier(StructureTier.builder(SILVER, "Silver", 100).max(499L).build())
        .tier(StructureTier.builder(GOLD, "Gold", 500).build());
  }

  static Program program(TierStructure structure) {
    return Program.builder(PROGRAM, "Tiered v2")
        .wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_orders"), Trigger.ORDER_PAID,
            Earning.always(Effect.of(POINTS, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)))))
        .tierStructure(structure)
        .build();
  }

  CardCode join(TierStructure structure) {
    engine.define(program(structure));
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    return cards.get(0).code();
  }

  void pay(String id, long dollars) {
    pay(id, dollars, Fixtures.customer("alice"));
  }

  void pay(String id, long dollars, Customer customer) {
    clock.advance(Duration.ofMinutes(1));
    engine.apply(OrderPaid.of(id, clock.instant(), customer, Order.ofAmount("o_" + id, "USD", dollars * 100)));
  }

  void spend(CardCode card, long points) {
    clock.advance(Duration.ofMinutes(1));
    engine.removePoints(card, points, "spent", null);
  }

  @Nullable TierId tier(CardCode card) {
    return tier(card, clock.instant());
  }

  @Nullable TierId tier(CardCode card, Instant at) {
    return engine.structureTier(card, at).map(t -> t.tier().id()).orElse(null);
  }

  List<OutboxEvent> moves() {
    return store.pending("test", TYPES.all, 100);
  }

  List<String> moveNames() {
    return moves().stream().map(e -> e.type() + ":" + ((OutboxEvent.TierChange) e.payload()).from() + ">"
        + ((OutboxEvent.TierChange) e.payload()).to()).toList();
  }

  @Nested
  @DisplayName("POINT_BALANCE")
  class Balance {
    @Test
    @DisplayName("a new member joins the base tier, and an order that reaches a threshold upgrades it at once, each move an outbox event naming the structure")
    void joinsAndUpgrades() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS)).build());
      assertThat(tier(card)).isEqualTo(BRONZE);
      pay("e1", 150);
      assertThat(tier(card)).isEqualTo(SILVER);
      pay("e2", 400);
      assertThat(tier(card)).isEqualTo(GOLD);
      assertThat(moveNames()).containsExactly("TIER_JOINED:null>lt_bronze", "TIER_UPGRADED:lt_bronze>lt_silver",
          "TIER_UPGRADED:lt_silver>lt_gold");
      assertThat(moves()).allSatisfy(e -> assertThat(((OutboxEvent.TierChange) e.payload()).structure())
          .isEqualTo(STRUCTURE));
      assertThat(((OutboxEvent.TierChange) moves().get(2).payload()).balance()).isEqualTo(550);
    }

    @Test
    @DisplayName("NO_DOWNGRADE (the default): spending never moves a member down")
    void noDowngradeKeepsTheTier() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS)).build());
      pay("e1", 600);
      spend(card, 590);
      assertThat(tier(card)).isEqualTo(GOLD);
      assertThat(engine.structureTier(card, clock.instant()).orElseThrow().expiresAt()).isNull();
    }

    @Test
    @DisplayName("MULTI_LEVEL with no retention: a balance that drops moves the member straight to the tier it qualifies for")
    void multiLevelDropsStraight() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      spend(card, 550);
      assertThat(tier(card)).isEqualTo(BRONZE);
      assertThat(moveNames()).endsWith("TIER_DOWNGRADED:lt_gold>lt_bronze");
    }

    @Test
    @DisplayName("SINGLE_LEVEL: a drop moves one tier per evaluation, the next change of the points decides again")
    void singleLevelDropsOneTier() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .downgrade(Downgrade.of(DowngradeType.SINGLE_LEVEL)).build());
      pay("e1", 600);
      spend(card, 550);
      assertThat(tier(card)).isEqualTo(SILVER);
      spend(card, 10);
      assertThat(tier(card)).isEqualTo(BRONZE);
    }

    @Test
    @DisplayName("a grace period keeps the tier until 00:00 after its last day; qualifying again during it keeps the tier (prolonged)")
    void graceKeepsTheTier() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .downgrade(new Downgrade(DowngradeType.MULTI_LEVEL,
              new TierStructure.Grace(new Period(3, Unit.DAY), false))).build());
      pay("e1", 600);
      spend(card, 550);
      Instant dropped = clock.instant();
      assertThat(tier(card)).isEqualTo(GOLD);
      Instant graceEnd = Instant.parse("2024-03-08T00:00:00Z"); // 4 March + 3 days, ends at 00:00 of the 8th
      assertThat(engine.structureTier(card, dropped).orElseThrow().expiresAt()).isEqualTo(graceEnd);
      assertThat(tier(card, graceEnd.minusNanos(1))).isEqualTo(GOLD);
      assertThat(tier(card, graceEnd)).isEqualTo(BRONZE); // read lazily: no write since

      pay("e2", 600); // the 4th: qualifying again within the grace
      assertThat(tier(card, graceEnd)).isEqualTo(GOLD);
      assertThat(moveNames()).endsWith("TIER_PROLONGED:lt_gold>lt_gold");
    }

    @Test
    @DisplayName("a grace period rounded up ends at the end of its month")
    void graceRoundsUp() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .downgrade(new Downgrade(DowngradeType.MULTI_LEVEL,
              new TierStructure.Grace(new Period(1, Unit.MONTH), true))).build());
      pay("e1", 600);
      spend(card, 550);
      assertThat(engine.structureTier(card, clock.instant()).orElseThrow().expiresAt())
          .isEqualTo(Instant.parse("2024-05-01T00:00:00Z")); // 4 March + 1 month = 4 April, rounded to 30 April
    }

    @Test
    @DisplayName("a tier of its own NO_DOWNGRADE is never left, whatever the structure's downgrade")
    void vipNeverDrops() {
      CardCode card = join(TierStructure.builder(STRUCTURE, "Status", TierStructure.Tracking.balance(POINTS))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL))
          .tier(StructureTier.builder(BRONZE, "Bronze", 0).max(99L).build())
          .tier(StructureTier.builder(GOLD, "VIP", 100).noDowngrade(true).build()).build());
      pay("e1", 150);
      spend(card, 150);
      assertThat(tier(card)).isEqualTo(GOLD);
    }

    @Test
    @DisplayName("FIXED_DURATION keeps a reached tier for its term whatever the balance; at its end the balance decides")
    void fixedDuration() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .expiration(Expiration.fixed(new Period(1, Unit.MONTH)))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      Instant end = Instant.parse("2024-04-05T00:00:00Z"); // 4 March + 1 month, the day after
      assertThat(engine.structureTier(card, clock.instant()).orElseThrow().expiresAt()).isEqualTo(end);
      spend(card, 550);
      assertThat(tier(card)).isEqualTo(GOLD);
      assertThat(tier(card, end)).isEqualTo(BRONZE);
      assertThat(engine.structureTierHistory(card, end)).extracting(s -> s.tier() == null ? null : s.tier().id())
          .containsExactly(BRONZE, GOLD, BRONZE);
    }

    @Test
    @DisplayName("a term's end with the balance still there prolongs the tier for a new term")
    void fixedDurationProlongs() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .expiration(Expiration.fixed(new Period(10, Unit.DAY)))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      clock.set(Instant.parse("2024-03-20T12:00:00Z"));
      pay("e2", 1); // the write records the prolonging that fell due on the 15th
      assertThat(tier(card)).isEqualTo(GOLD);
      OutboxEvent prolonged = moves().get(moves().size() - 1);
      assertThat(prolonged.type()).isEqualTo(OutboxEvent.Type.TIER_PROLONGED);
      OutboxEvent.TierChange change = (OutboxEvent.TierChange) prolonged.payload();
      assertThat(change.effective()).isEqualTo(Instant.parse("2024-03-15T00:00:00Z"));
      assertThat(change.expiresAt()).isEqualTo(Instant.parse("2024-03-26T00:00:00Z"));
    }

    @Test
    @DisplayName("a sweep records a move that fell due with no write, once; a second sweep records nothing")
    void sweepRecordsDueMoves() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .expiration(Expiration.fixed(new Period(10, Unit.DAY)))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      spend(card, 550);
      int before = moves().size();
      clock.set(Instant.parse("2024-03-20T12:00:00Z"));
      engine.sweep(card, clock.instant());
      assertThat(moveNames()).hasSize(before + 1).endsWith("TIER_DOWNGRADED:lt_gold>lt_bronze");
      assertThat(((OutboxEvent.TierChange) moves().get(before).payload()).effective())
          .isEqualTo(Instant.parse("2024-03-15T00:00:00Z"));
      engine.sweep(card, clock.instant());
      assertThat(moves()).hasSize(before + 1);
    }

    @Test
    @DisplayName("CALENDAR_EXPIRATION keeps a reached tier to 00:00 after the next listed date")
    void calendarExpiration() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .expiration(Expiration.onDates(new FixedDayOfYear(6, 30), new FixedDayOfYear(12, 31)))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      assertThat(engine.structureTier(card, clock.instant()).orElseThrow().expiresAt())
          .isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
    }

    @Test
    @DisplayName("a POINTS_AND_SEGMENT tier needs the segment in the host's view of the customer as well as the points")
    void segmentTier() {
      CardCode card = join(TierStructure.builder(STRUCTURE, "Status", TierStructure.Tracking.balance(POINTS))
          .tier(StructureTier.builder(BRONZE, "Bronze", 0).max(99L).build())
          .tier(StructureTier.builder(GOLD, "VIP", 100).segment(VIP).build()).build());
      pay("e1", 150);
      assertThat(tier(card)).isEqualTo(BRONZE);
      pay("e2", 1, Fixtures.customer("alice").inSegments(VIP));
      assertThat(tier(card)).isEqualTo(GOLD);
    }
  }

  @Nested
  @DisplayName("POINT_EARNED")
  class Earned {
    @Test
    @DisplayName("IMMEDIATELY: the period's earned points qualify at once; spending does not lower them; the next period starts from 0")
    void immediately() {
      CardCode card = join(ladder(TierStructure.Tracking.earned(POINTS, new Period(1, Unit.MONTH),
          TierStructure.Start.IMMEDIATELY)).downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 300);
      spend(card, 300);
      pay("e2", 300);
      assertThat(tier(card)).isEqualTo(GOLD);
      assertThat(tier(card, Instant.parse("2024-04-01T00:00:00Z"))).isEqualTo(BRONZE);
    }

    @Test
    @DisplayName("NEXT_TRACKING_PERIOD: a period's points decide the tier of the period after it")
    void nextTrackingPeriod() {
      CardCode card = join(ladder(TierStructure.Tracking.earned(POINTS, new Period(1, Unit.MONTH),
          TierStructure.Start.NEXT_TRACKING_PERIOD)).downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      assertThat(tier(card)).isEqualTo(BRONZE);
      assertThat(tier(card, Instant.parse("2024-04-01T00:00:00Z"))).isEqualTo(GOLD);
      assertThat(tier(card, Instant.parse("2024-05-01T00:00:00Z"))).isEqualTo(BRONZE);
    }
  }

  @Nested
  @DisplayName("tier progress")
  class Progress {
    @Test
    @DisplayName("current tier with its points and range, the next tiers with the points missing, no risk under NO_DOWNGRADE")
    void currentAndOpportunities() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS)).build());
      pay("e1", 150);
      TierProgress p = engine.tierProgress(card, clock.instant());
      assertThat(p.current()).isNotNull();
      assertThat(p.current().tier().id()).isEqualTo(SILVER);
      assertThat(p.current().points()).isEqualTo(new TierProgress.Points(150, 100, 499L));
      assertThat(p.current().activatedAt()).isEqualTo(clock.instant());
      assertThat(p.risks()).isEmpty();
      assertThat(p.opportunities()).extracting(o -> o.tier().id(), TierProgress.Opportunity::points,
          TierProgress.Opportunity::validUntil).containsExactly(org.assertj.core.groups.Tuple.tuple(GOLD, 350L, null));
    }

    @Test
    @DisplayName("NEXT_TRACKING_PERIOD: the tier this period's points give from the next period is deferred, and left out of the opportunities")
    void deferred() {
      CardCode card = join(ladder(TierStructure.Tracking.earned(POINTS, new Period(1, Unit.MONTH),
          TierStructure.Start.NEXT_TRACKING_PERIOD)).build());
      pay("e1", 150);
      TierProgress p = engine.tierProgress(card, clock.instant());
      assertThat(p.current().tier().id()).isEqualTo(BRONZE);
      assertThat(p.deferred()).isNotNull();
      assertThat(p.deferred().tier().id()).isEqualTo(SILVER);
      assertThat(p.deferred().startAt()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
      assertThat(p.opportunities()).extracting(o -> o.tier().id(), TierProgress.Opportunity::points)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(GOLD, 350L));
      assertThat(tier(card, Instant.parse("2024-04-01T00:00:00Z"))).isEqualTo(SILVER);
    }

    @Test
    @DisplayName("a term ending on a lower balance is a downgrade risk dated at the term's end")
    void termEndIsARisk() {
      CardCode card = join(ladder(TierStructure.Tracking.balance(POINTS))
          .expiration(Expiration.fixed(new Period(1, Unit.MONTH)))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build());
      pay("e1", 600);
      spend(card, 550);
      TierProgress p = engine.tierProgress(card, clock.instant());
      assertThat(p.current().tier().id()).isEqualTo(GOLD);
      assertThat(p.current().expiresAt()).isEqualTo(Instant.parse("2024-04-05T00:00:00Z"));
      assertThat(p.risks()).containsExactly(new TierProgress.Risk(TierProgress.RiskType.TIER_DOWNGRADE,
          Instant.parse("2024-04-05T00:00:00Z"), engine.program(PROGRAM).tierStructure().tiers().get(0)));
    }

    @Test
    @DisplayName("under POINT_EARNED the points missing are this period's and the opportunity ends with the period; the period's end is a risk")
    void earnedPeriod() {
      CardCode card = join(TierStructure.builder(STRUCTURE, "Status", TierStructure.Tracking.earned(POINTS,
              new Period(1, Unit.MONTH), TierStructure.Start.IMMEDIATELY))
          .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL))
          .tier(StructureTier.builder(SILVER, "Silver", 100).max(499L).build())
          .tier(StructureTier.builder(GOLD, "Gold", 500).build()).build());
      pay("e1", 150);
      TierProgress p = engine.tierProgress(card, clock.instant());
      assertThat(p.current().tier().id()).isEqualTo(SILVER);
      assertThat(p.opportunities()).extracting(TierProgress.Opportunity::points, TierProgress.Opportunity::validUntil)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(350L, Instant.parse("2024-04-01T00:00:00Z")));
      assertThat(p.risks()).containsExactly(new TierProgress.Risk(TierProgress.RiskType.TIER_LEFT,
          Instant.parse("2024-04-01T00:00:00Z"), null));
    }
  }
}
