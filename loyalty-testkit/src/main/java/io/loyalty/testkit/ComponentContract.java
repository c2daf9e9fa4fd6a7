package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.DefinitionConflictException;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.ProgramComponents;
import io.loyalty.core.ProgramPlan;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.TriggerLimits;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.StoredComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 components over the store: every version of a card definition and an earning rule stored and read back
 * whole with its status and instants, a component edit and the programs it rewrites committed together, and edits
 * racing from two engines that lose none and leave one program version per edit.
 */
@DisplayName("loyalty v2 components over the store")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ComponentContract extends StoreContract {
  private static final ProgramId PROGRAM = ProgramId.of("lprg_parts");
  private static final WalletId POINTS = WalletId.of("lcd_points");
  private static final RuleId RULE = RuleId.of("ler_parts");
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00.123456789Z");

  private LoyaltyStore store;
  private LoyaltyEngine engine;
  private ProgramComponents parts;

  @BeforeEach
  void createEngine() {
    store = newStore();
    engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(21)).build();
    parts = engine.components();
    boolean keeps = true;
    try {
      store.components(ComponentKind.CARD_DEFINITION);
    } catch (UnsupportedOperationException keepsNone) {
      keeps = false;
    }
    // the port's documented answer of a store without components: its engine's component operations fail, and the
    // contract does not apply (a store on the port's defaults, an adapter written before components)
    assumeTrue(keeps, "the store keeps no loyalty v2 components (ComponentStore's defaults)");
  }

  /** A card definition with every section set, so that a store which drops one fails. */
  static CardDefinition points() {
    return CardDefinition.of(POINTS, "Points ☕").withExpiration(new ExpirationRule.OnDates(List.of(
        new ExpirationRule.FixedDayOfYear(2, 29), new ExpirationRule.FixedDayOfYear(12, 31))))
        .withPendingPoints(new PendingPoints(7))
        .withEarningLimits(io.loyalty.spi.program.EarningLimits.balanceCap(10_000));
  }

  static FirstMatchRule rule(long points) {
    return FirstMatchRule.of(RULE, Trigger.ORDER_PAID,
        Earning.when(new Condition.OrderAmount(Comparison.atLeast(5_000)), Effect.points(POINTS, points * 2))
            .named("big"),
        Earning.always(Effect.points(POINTS, points))).withLimits(TriggerLimits.NONE);
  }

  private void live() {
    parts.define(points());
    parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    parts.define(rule(10));
    parts.activate(ComponentKind.EARNING_RULE, RULE.value());
    parts.createProgram(ProgramPlan.builder(PROGRAM, "Parts").cardDefinition(POINTS).earningRule(RULE)
        .status(ProgramStatus.ACTIVE).build());
  }

  @Test
  void every_version_of_a_component_reads_back_whole_with_its_status_and_instants() {
    StoredComponent wallet = parts.define(points());
    StoredComponent active = parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    StoredComponent ruleV1 = parts.define(rule(10));
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value())).contains(active);
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value(), 1)).contains(wallet);
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value(), 3)).isEmpty();
    assertThat(store.component(ComponentKind.EARNING_RULE, RULE.value())).contains(ruleV1);
    assertThat(((CardDefinition) active.component())).isEqualTo(points());
    assertThat(active.createdAt()).isEqualTo(T0);
    assertThat(store.components(ComponentKind.CARD_DEFINITION)).containsExactly(active);
    assertThat(store.components(ComponentKind.EARNING_RULE)).containsExactly(ruleV1);
    assertThat(store.component(ComponentKind.EARNING_RULE, POINTS.value())).isEmpty(); // kinds are apart
  }

  @Test
  void an_edit_and_the_program_it_rewrites_commit_together_and_the_program_earns_by_it() {
    live();
    Card card = engine.addMember(PROGRAM, CustomerId.of("alice")).get(0);
    StoredComponent edited = parts.define(rule(25));
    assertThat(edited.version()).isEqualTo(3);
    assertThat(store.program(PROGRAM).orElseThrow().version()).isEqualTo(2);
    assertThat(store.program(PROGRAM).orElseThrow().firstMatchRules()).singleElement()
        .isEqualTo(rule(25));
    engine.apply(OrderPaid.of("e1", T0, Customer.of("alice"), Order.ofAmount("o1", "EUR", 6_000)));
    assertThat(engine.pendingPoints(card.code(), T0)).isEqualTo(50);
  }

  @Test
  void a_stale_expected_version_stores_nothing() {
    parts.define(points());
    assertThatThrownBy(() -> parts.define(points(), 0)).isInstanceOf(DefinitionConflictException.class);
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void a_component_write_over_a_stale_or_skipped_version_is_a_conflict_and_writes_nothing() {
    StoredComponent first = parts.define(points());
    StoredComponent again = new StoredComponent(points(), ComponentStatus.ACTIVE, 2, T0, T0);
    io.loyalty.spi.store.CommitResult.Conflict conflict = new io.loyalty.spi.store.CommitResult.Conflict(
        new io.loyalty.spi.store.Aggregate.ComponentRef(ComponentKind.CARD_DEFINITION, POINTS.value()));
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .component(new io.loyalty.spi.store.ComponentWrite(again, 0)).build())).isEqualTo(conflict);
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .component(new io.loyalty.spi.store.ComponentWrite(
            new StoredComponent(points(), ComponentStatus.ACTIVE, 3, T0, T0), 1)).build())).isEqualTo(conflict);
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value())).contains(first);
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .component(new io.loyalty.spi.store.ComponentWrite(again, 1)).build()).applied()).isTrue();
    assertThat(store.component(ComponentKind.CARD_DEFINITION, POINTS.value())).contains(again);
  }

  @Test
  void racing_edits_from_two_engines_lose_none_and_leave_one_program_version_each() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    live();
    LoyaltyEngine other = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(22)).build();
    int edits = Math.max(6, budget().threads() * 2);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      LoyaltyEngine by = i % 2 == 0 ? engine : other;
      long points = 100 + i;
      tasks.add(() -> by.components().define(rule(points)).version());
    }
    List<Long> versions = Race.run(budget().threads(), tasks);
    // rule: 1 (define) + 1 (activate) + one per edit; program: 1 + one per edit, each version from one edit
    assertThat(versions).doesNotHaveDuplicates().hasSize(edits);
    StoredComponent last = store.component(ComponentKind.EARNING_RULE, RULE.value()).orElseThrow();
    assertThat(last.version()).isEqualTo(2L + edits);
    assertThat(last.status()).isEqualTo(ComponentStatus.ACTIVE);
    assertThat(store.program(PROGRAM).orElseThrow().version()).isEqualTo(1L + edits);
    assertThat(store.program(PROGRAM).orElseThrow().firstMatchRules()).singleElement()
        .isEqualTo(last.component());
  }
}
