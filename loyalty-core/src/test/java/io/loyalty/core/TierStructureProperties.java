package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Downgrade;
import io.loyalty.spi.tier.TierStructure.DowngradeType;
import io.loyalty.spi.tier.TierStructure.Expiration;
import io.loyalty.spi.tier.TierStructure.Period;
import io.loyalty.spi.tier.TierStructure.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * True history for v2 tier structures: the tier (with its expiry) read as of an instant made later equals the live
 * read then, and the moves in the outbox replayed up to an instant give that tier, over random workloads of orders,
 * points by hand, spending, sweeps and time passing, under random structures.
 */
class TierStructureProperties {
  private record Live(Instant at, Optional<MemberStructureTier> tier) {}

  /** A structure from a number: its tracking, retention, downgrade and grace. */
  static TierStructure structure(int shape) {
    TierStructure.Tracking tracking = switch (shape % 5) {
      case 0, 1 -> TierStructure.Tracking.balance(TierStructureTest.POINTS);
      case 2 -> TierStructure.Tracking.earned(TierStructureTest.POINTS, new Period(3, Unit.DAY),
          TierStructure.Start.IMMEDIATELY);
      case 3 -> TierStructure.Tracking.earned(TierStructureTest.POINTS, new Period(1, Unit.WEEK),
          TierStructure.Start.NEXT_TRACKING_PERIOD);
      default -> TierStructure.Tracking.earned(TierStructureTest.POINTS, new Period(1, Unit.MONTH),
          TierStructure.Start.IMMEDIATELY);
    };
    Expiration expiration = switch (shape / 5 % 3) {
      case 0 -> Expiration.NO_RETENTION;
      case 1 -> Expiration.fixed(new Period(2, Unit.DAY));
      default -> Expiration.onDates(new FixedDayOfYear(3, 10), new FixedDayOfYear(3, 20), new FixedDayOfYear(4, 1));
    };
    DowngradeType type = DowngradeType.values()[shape / 15 % 3];
    TierStructure.Grace grace = type == DowngradeType.NO_DOWNGRADE || shape / 45 % 2 == 0 ? null
        : new TierStructure.Grace(new Period(1, Unit.DAY), shape / 90 % 2 == 1);
    return TierStructureTest.ladder(tracking).expiration(expiration).downgrade(new Downgrade(type, grace)).build();
  }

  static Program program(TierStructure structure) {
    return Program.builder(TierStructureTest.PROGRAM, "Tiered v2")
        .wallet(CardDefinition.of(TierStructureTest.POINTS, "Points")
            .withExpiration(new ExpirationRule.AfterDays(4, ExpirationRule.RoundUp.NONE, null))
            .withPendingPoints(new PendingPoints(1)))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_orders"), Trigger.ORDER_PAID,
            Earning.always(Effect.of(TierStructureTest.POINTS,
                PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)))))
        .tierStructure(structure)
        .build();
  }

  @Test
  void the_tier_read_as_of_an_instant_made_later_equals_the_live_read_then_and_the_outbox_moves_agree() {
    qt().withFixedSeed(20261205L).withExamples(150)
        .forAll(integers().between(0, 179), lists().of(integers().between(0, 99)).ofSizeBetween(1, 30))
        .checkAssert((shape, ops) -> {
          MutableClock clock = new MutableClock(Fixtures.T0);
          InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
          LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(3)).build();
          engine.define(program(structure(shape)));
          CardCode card = engine.addMember(TierStructureTest.PROGRAM, CustomerId.of("alice")).get(0).code();
          List<Live> live = new ArrayList<>();
          for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            try {
              if (op < 20) {
                engine.addPoints(card, 10L * (1 + op), AddedPointsExpiry.programRules(), "r", null);
              } else if (op < 35) {
                engine.removePoints(card, 15L * (op - 19), "r", null);
              } else if (op < 55) {
                engine.apply(OrderPaid.of("e" + i, clock.instant(), Fixtures.customer("alice"),
                    Order.ofAmount("o" + i, "USD", 1_000L * op)));
              } else if (op < 62) {
                engine.sweep(card, clock.instant());
              } else {
                clock.advance(Duration.ofHours(5L * (op - 61)));
              }
            } catch (LoyaltyException refused) {
              // not enough points: a refusal writes nothing
            }
            if (!live.isEmpty() && live.get(live.size() - 1).at().equals(clock.instant())) {
              live.remove(live.size() - 1); // only the last read of an instant is its answer
            }
            live.add(new Live(clock.instant(), engine.structureTier(card, clock.instant())));
          }
          clock.advance(Duration.ofDays(60)); // everything lapses since: later writes must not rewrite the past
          engine.addPoints(card, 5, AddedPointsExpiry.never(), "later", null);
          engine.sweep(card, clock.instant());
          List<OutboxEvent> moves = store.pending("history", EnumSet.of(OutboxEvent.Type.TIER_JOINED,
              OutboxEvent.Type.TIER_LEFT, OutboxEvent.Type.TIER_UPGRADED, OutboxEvent.Type.TIER_DOWNGRADED,
              OutboxEvent.Type.TIER_PROLONGED), 100_000);
          for (Live l : live) {
            assertThat(engine.structureTier(card, l.at())).as("tier as of %s under shape %s after %s", l.at(), shape, ops)
                .isEqualTo(l.tier());
            assertThat(replayed(moves, l.at())).as("moves replayed to %s under shape %s after %s", l.at(), shape, ops)
                .isEqualTo(l.tier().map(t -> t.tier().id()).orElse(null));
          }
        });
  }

  /** The tier the moves up to {@code at} leave the member in, each taken at the instant it took effect. */
  private static io.loyalty.spi.@org.jspecify.annotations.Nullable TierId replayed(List<OutboxEvent> moves,
      Instant at) {
    io.loyalty.spi.TierId tier = null;
    Instant last = Instant.MIN;
    for (OutboxEvent e : moves) {
      OutboxEvent.TierChange change = (OutboxEvent.TierChange) e.payload();
      Instant effective = change.effective() == null ? e.at() : change.effective();
      assertThat(effective).as("moves in the order they took effect").isAfterOrEqualTo(last);
      last = effective;
      if (!effective.isAfter(at)) {
        tier = change.to();
      }
    }
    return tier;
  }
}
