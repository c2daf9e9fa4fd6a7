package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.TierStructureId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
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
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierState;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Period;
import io.loyalty.spi.tier.TierStructure.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 tier structures over the store: a program's structure stored and read back whole (every part, and a
 * program without one still reads), a member's standing kept on its card, and a threshold crossed by orders racing
 * from two engines moving the member once, with one outbox event.
 */
@DisplayName("loyalty v2 tier structures over the store")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TierStructureContract extends StoreContract {
  private static final ProgramId PROGRAM = ProgramId.of("lprg_tiers");
  private static final WalletId POINTS = WalletId.of("lcd_points");
  private static final TierId BASE = TierId.of("lt_base");
  private static final TierId GOLD = TierId.of("lt_gold");
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static final Set<OutboxEvent.Type> MOVES = Set.of(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_LEFT,
      OutboxEvent.Type.TIER_UPGRADED, OutboxEvent.Type.TIER_DOWNGRADED, OutboxEvent.Type.TIER_PROLONGED);

  private LoyaltyStore store;
  private LoyaltyEngine engine;

  @BeforeEach
  void createEngine() {
    store = newStore();
    engine = engineOn(store, 21);
  }

  private static LoyaltyEngine engineOn(LoyaltyStore store, long seed) {
    return LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(seed)).build();
  }

  /** Every part of a structure set: earned points over two weeks, calendar expiry, single-level drops with grace. */
  static TierStructure everyPart() {
    return TierStructure.builder(TierStructureId.of("lts_kit"), "Kit status",
            TierStructure.Tracking.earned(POINTS, new Period(2, Unit.WEEK), TierStructure.Start.NEXT_TRACKING_PERIOD))
        .expiration(TierStructure.Expiration.onDates(new FixedDayOfYear(2, 29), new FixedDayOfYear(12, 31)))
        .downgrade(new TierStructure.Downgrade(TierStructure.DowngradeType.SINGLE_LEVEL,
            new TierStructure.Grace(new Period(1, Unit.MONTH), true)))
        .tier(StructureTier.builder(BASE, "Base", 0).max(99L).metadata(Metadata.of("colour", "grey")).build())
        .tier(StructureTier.builder(TierId.of("lt_vip"), "VIP", 100).max(499L).segment(SegmentId.of("seg_vip"))
            .noDowngrade(true).build())
        .tier(StructureTier.builder(GOLD, "Gold", 500).build())
        .metadata(Metadata.of("team", "crm"))
        .build();
  }

  /** A point per dollar into one wallet; Gold from a balance of 100. */
  static Program balanceProgram() {
    return Program.builder(PROGRAM, "Tiers")
        .wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_orders"), Trigger.ORDER_PAID,
            Earning.always(Effect.of(POINTS, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)))))
        .tierStructure(TierStructure.builder(TierStructureId.of("lts_kit"), "Status",
                TierStructure.Tracking.balance(POINTS))
            .tier(StructureTier.builder(BASE, "Base", 0).max(99L).build())
            .tier(StructureTier.builder(GOLD, "Gold", 100).build()).build())
        .build();
  }

  private static OrderPaid paid(String id, String customer, long cents) {
    return OrderPaid.of(id, T0, Customer.of(CustomerId.of(customer)), Order.ofAmount("o_" + id, "USD", cents));
  }

  /** The standings the store keeps on the card. */
  private List<TierState.Standing> standings(Card card) {
    TierState state = store.card(card.code()).orElseThrow().tiers();
    assertThat(state).as("the card's tier state").isNotNull();
    TierState.Structure structure = java.util.Objects.requireNonNull(state).structure();
    assertThat(structure).as("the structure's state").isNotNull();
    return java.util.Objects.requireNonNull(structure).standings();
  }

  @Test
  void a_program_s_tier_structure_is_stored_whole_with_every_part() {
    Program program = balanceProgram().toBuilder().tierStructure(everyPart()).build();
    Program stored = engine.define(program);
    assertThat(store.program(PROGRAM).orElseThrow().tierStructure()).isEqualTo(everyPart());
    assertThat(store.program(PROGRAM, stored.version()).orElseThrow()).isEqualTo(stored);
  }

  @Test
  void a_v2_program_without_a_structure_reads_back_without_one() {
    Program stored = engine.define(balanceProgram().toBuilder().tierStructure(null).build());
    assertThat(store.program(PROGRAM).orElseThrow().tierStructure()).isNull();
    assertThat(store.program(PROGRAM).orElseThrow()).isEqualTo(stored);
  }

  @Test
  void a_member_s_standing_is_kept_on_its_card_and_reads_back_whole() {
    engine.define(balanceProgram());
    Card card = engine.addMember(PROGRAM, CustomerId.of("alice")).get(0);
    engine.apply(paid("e1", "alice", 15_000));
    assertThat(standings(card)).extracting(TierState.Standing::tier).containsExactly(BASE, GOLD);
    assertThat(standings(card)).extracting(TierState.Standing::tier).containsExactly(BASE, GOLD);
    assertThat(engine.structureTier(card.code(), T0).orElseThrow().tier().id()).isEqualTo(GOLD);
    assertThat(store.pending("kit", MOVES, 10)).extracting(OutboxEvent::type)
        .containsExactly(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_UPGRADED);
  }

  @Test
  void a_threshold_crossed_by_orders_racing_from_two_engines_moves_the_member_once_with_one_event() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    LoyaltyEngine other = engineOn(store, 22);
    engine.define(balanceProgram());
    Card card = engine.addMember(PROGRAM, CustomerId.of("bob")).get(0);
    int orders = Math.max(6, budget().threads() * 2);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      LoyaltyEngine by = i % 2 == 0 ? engine : other;
      OrderPaid order = paid("race_" + i, "bob", 6_000); // 60 points each: the second order crosses 100
      tasks.add(() -> by.apply(order).points());
    }
    Race.run(budget().threads(), tasks);
    assertThat(engine.balance(card.code())).isEqualTo(60L * orders);
    List<OutboxEvent> moves = store.pending("kit", MOVES, 100);
    assertThat(moves).extracting(OutboxEvent::type)
        .containsExactly(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_UPGRADED);
    assertThat(moves).extracting(OutboxEvent::id).doesNotHaveDuplicates();
    assertThat(standings(card)).extracting(TierState.Standing::tier).containsExactly(BASE, GOLD);
  }
}
