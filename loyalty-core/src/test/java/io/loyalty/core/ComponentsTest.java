package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.reward.WalletReward.Cost;
import io.loyalty.spi.store.StoredComponent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 programs assembled from reusable components (digest sections 12.1, 12.3, 12.4; seed 004): card
 * definitions and earning rules stored on their own with statuses and versions, a program created from their ids
 * with rewards in both of seed 004's shapes, edits of a part reaching every program that holds it, and assignment
 * batches (unassigns first, strict mode).
 */
@DisplayName("loyalty v2: programs of reusable components")
class ComponentsTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_components");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final WalletId MILES = WalletId.of("lcd_miles");
  static final RuleId PER_ORDER = RuleId.of("ler_per_order");
  static final RuleId BONUS = RuleId.of("ler_bonus");
  static final Reward MUG = Reward.of("lrew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null));
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(5)).build();
  private final ProgramComponents parts = engine.components();

  private static FirstMatchRule perOrder(long points) {
    return FirstMatchRule.of(PER_ORDER, Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, points)));
  }

  /** Two active wallets and an active rule giving 10 points per order, stored as parts. */
  private void activeParts() {
    parts.define(CardDefinition.of(POINTS, "Points"));
    parts.define(CardDefinition.of(MILES, "Miles"));
    parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    parts.activate(ComponentKind.CARD_DEFINITION, MILES.value());
    parts.define(perOrder(10));
    parts.activate(ComponentKind.EARNING_RULE, PER_ORDER.value());
  }

  private ProgramPlan.Builder plan() {
    return ProgramPlan.builder(PROGRAM, "Components").cardDefinition(POINTS).cardDefinition(MILES)
        .earningRule(PER_ORDER);
  }

  private EventOutcome pay(String id) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"),
        Order.ofAmount("o_" + id, "USD", 1_000)));
  }

  @Test
  @DisplayName("a part is stored as a DRAFT at version 1, each edit and status change is a new version, old ones stay readable")
  void parts_have_statuses_and_versions() {
    StoredComponent first = parts.define(CardDefinition.of(POINTS, "Points"));
    assertThat(first.status()).isEqualTo(ComponentStatus.DRAFT);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.createdAt()).isEqualTo(Fixtures.T0);
    clock.advance(Duration.ofHours(1));
    StoredComponent renamed = parts.define(CardDefinition.of(POINTS, "Store points"), 1);
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.createdAt()).isEqualTo(Fixtures.T0);
    assertThat(renamed.updatedAt()).isEqualTo(Fixtures.T0.plus(Duration.ofHours(1)));
    StoredComponent active = parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    assertThat(active.status()).isEqualTo(ComponentStatus.ACTIVE);
    assertThat(active.version()).isEqualTo(3);
    assertThat(parts.get(ComponentKind.CARD_DEFINITION, POINTS.value())).isEqualTo(active);
    assertThat(parts.list(ComponentKind.CARD_DEFINITION)).containsExactly(active);
    assertThat(parts.list(ComponentKind.EARNING_RULE)).isEmpty();

    assertThatThrownBy(() -> parts.define(CardDefinition.of(POINTS, "Stale"), 1))
        .isInstanceOf(DefinitionConflictException.class);
    assertThatThrownBy(() -> parts.deactivate(POINTS.value()))
        .isInstanceOf(io.loyalty.spi.NotFoundException.class); // a card definition is not an earning rule
    assertThat(parts.get(ComponentKind.CARD_DEFINITION, POINTS.value()).version()).isEqualTo(3);
  }

  @Test
  @DisplayName("seed 004, older shape: costs and a plain stock on the program's reward assignment")
  void seed_004_costs_on_the_assignment() {
    activeParts();
    engine.defineReward(MUG);
    Program program = parts.createProgram(plan().status(ProgramStatus.ACTIVE)
        .reward(ProgramPlan.Offer.of(MUG.id(), Cost.of(POINTS, 25)).withStock(3L)).build());
    assertThat(program.version()).isEqualTo(1);
    assertThat(program.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(program.walletIds()).containsExactly(POINTS, MILES);
    assertThat(engine.reward(MUG.id()).stock()).isEqualTo(3L);

    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    pay("e1");
    pay("e2");
    pay("e3");
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(30);
    Redemption bought = engine.purchase(RedemptionId.of("r1"), PROGRAM, CustomerId.of("alice"),
        AssignmentId.of(MUG.id().value()));
    assertThat(bought.succeeded()).isTrue();
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(5);
  }

  @Test
  @DisplayName("seed 004, current shape: costs on the reward, the assignment naming only the reward")
  void seed_004_costs_on_the_reward() {
    activeParts();
    engine.defineReward(MUG.withCosts(List.of(Cost.of(MILES, 40), Cost.of(POINTS, 20))));
    Program program = parts.createProgram(plan().status(ProgramStatus.ACTIVE).reward(ProgramPlan.Offer.of(MUG.id()))
        .build());
    assertThat(program.walletRewards()).singleElement().satisfies(offer -> {
      assertThat(offer.id()).isEqualTo(AssignmentId.of(MUG.id().value()));
      assertThat(offer.costs()).containsExactly(Cost.of(MILES, 40), Cost.of(POINTS, 20));
    });
    assertThat(engine.reward(MUG.id()).costs()).hasSize(2);
  }

  @Test
  @DisplayName("an offer of a reward with no costs, or ids that name nothing, are refused naming each place; nothing is stored")
  void a_plan_naming_missing_parts_is_refused_whole() {
    parts.define(CardDefinition.of(POINTS, "Points"));
    engine.defineReward(MUG);
    assertThatThrownBy(() -> parts.createProgram(ProgramPlan.builder(PROGRAM, "Broken").cardDefinition(POINTS)
        .cardDefinition(WalletId.of("lcd_nowhere")).earningRule(RuleId.of("ler_nowhere"))
        .reward(ProgramPlan.Offer.of(MUG.id())).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactlyInAnyOrder("card_definitions[1].id", "earning_rules[0].id", "rewards[0].costs"));
    assertThatThrownBy(() -> parts.createProgram(ProgramPlan.builder(PROGRAM, "Live").cardDefinition(POINTS)
        .status(ProgramStatus.ACTIVE).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .contains("card_definitions[0].id"));
    assertThatThrownBy(() -> engine.program(PROGRAM)).isInstanceOf(io.loyalty.spi.NotFoundException.class);
  }

  @Test
  @DisplayName("editing an earning rule reaches the live program in the same commit; its trigger is locked after DRAFT")
  void an_edited_rule_reaches_the_program() {
    activeParts();
    parts.createProgram(plan().status(ProgramStatus.ACTIVE).build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    pay("e1");
    StoredComponent edited = parts.define(perOrder(50));
    assertThat(edited.status()).isEqualTo(ComponentStatus.ACTIVE);
    assertThat(engine.program(PROGRAM).version()).isEqualTo(2);
    pay("e2");
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(60);

    FirstMatchRule otherTrigger = FirstMatchRule.of(PER_ORDER, new Trigger.SegmentEntered(io.loyalty.spi.SegmentId.of("seg_vip")),
        Earning.always(Effect.points(POINTS, 1)));
    assertThatThrownBy(() -> parts.define(otherTrigger))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("trigger"));
    // the last active rule of an active program cannot be switched off: the part and the program stay as they are
    assertThatThrownBy(() -> parts.deactivate(PER_ORDER.value())).isInstanceOf(InvalidInputException.class);
    assertThat(parts.get(ComponentKind.EARNING_RULE, PER_ORDER.value()).status()).isEqualTo(ComponentStatus.ACTIVE);
    assertThat(engine.program(PROGRAM).version()).isEqualTo(2);
  }

  @Test
  @DisplayName("a second rule switched off stops earning in the program, and on again earns again")
  void a_deactivated_rule_stops_earning() {
    activeParts();
    parts.define(FirstMatchRule.of(BONUS, Trigger.ORDER_PAID, Earning.always(Effect.points(MILES, 7))));
    parts.activate(ComponentKind.EARNING_RULE, BONUS.value());
    parts.createProgram(plan().earningRule(BONUS).status(ProgramStatus.ACTIVE).build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    pay("e1");
    parts.deactivate(BONUS.value());
    pay("e2");
    parts.activate(ComponentKind.EARNING_RULE, BONUS.value());
    pay("e3");
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(30);
    assertThat(engine.balance(cards.get(1).code())).isEqualTo(14);
  }

  @Test
  @DisplayName("a card definition held by a live program changes only its name and metadata; it cannot be deleted or drafted until unassigned")
  void a_held_card_definition_is_locked() {
    activeParts();
    parts.createProgram(plan().status(ProgramStatus.ACTIVE).build());
    parts.define(CardDefinition.of(MILES, "Air miles"));
    assertThat(engine.program(PROGRAM).wallet(MILES).orElseThrow().name()).isEqualTo("Air miles");
    assertThatThrownBy(() -> parts.define(CardDefinition.of(MILES, "Air miles")
        .withExpiration(new ExpirationRule.AfterDays(30, ExpirationRule.RoundUp.NONE, null))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("card_definition"));
    assertThatThrownBy(() -> parts.delete(ComponentKind.CARD_DEFINITION, MILES.value()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> parts.draft(MILES.value())).isInstanceOf(InvalidInputException.class);
    assertThat(parts.get(ComponentKind.CARD_DEFINITION, MILES.value()).status()).isEqualTo(ComponentStatus.ACTIVE);
  }

  @Test
  @DisplayName("a program drafted with a DRAFT card definition activates only once the card definition is active")
  void activation_needs_active_card_definitions() {
    parts.define(CardDefinition.of(POINTS, "Points"));
    parts.define(perOrder(10));
    parts.activate(ComponentKind.EARNING_RULE, PER_ORDER.value());
    parts.createProgram(ProgramPlan.builder(PROGRAM, "Draft").cardDefinition(POINTS).earningRule(PER_ORDER).build());
    assertThatThrownBy(() -> engine.activateProgram(PROGRAM))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("card_definitions[0].id"));
    parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    assertThat(engine.activateProgram(PROGRAM).status()).isEqualTo(ProgramStatus.ACTIVE);
  }

  @Test
  @DisplayName("a strict batch with one missing item changes nothing; a lenient one applies the rest and reports the item")
  void strict_and_lenient_batches() {
    activeParts();
    parts.define(FirstMatchRule.of(BONUS, Trigger.ORDER_PAID, Earning.always(Effect.points(MILES, 7))));
    parts.createProgram(plan().build());
    AssignmentBatch.Builder batch = AssignmentBatch.of(AssignmentBatch.Target.EARNING_RULES).assign(BONUS.value())
        .assign("ler_nowhere").unassign("ler_never_assigned");
    assertThatThrownBy(() -> parts.assign(PROGRAM, batch.build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactlyInAnyOrder("assign[1]", "unassign[0]"));
    assertThat(engine.program(PROGRAM).version()).isEqualTo(1);

    AssignmentResult lenient = parts.assign(PROGRAM, batch.strict(false).build());
    assertThat(lenient.skipped()).extracting(Violation::path).containsExactlyInAnyOrder("assign[1]", "unassign[0]");
    assertThat(lenient.program().version()).isEqualTo(2);
    assertThat(lenient.program().firstMatchRules()).extracting(FirstMatchRule::id).containsExactly(PER_ORDER, BONUS);
    assertThat(engine.program(PROGRAM)).isEqualTo(lenient.program());
  }

  @Test
  @DisplayName("unassigns come before assigns: one batch moves a reward offer to new costs")
  void unassigns_come_first() {
    activeParts();
    engine.defineReward(MUG);
    parts.createProgram(plan().reward(ProgramPlan.Offer.of(MUG.id(), Cost.of(POINTS, 25))).build());
    AssignmentResult moved = parts.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.REWARDS)
        .unassign(MUG.id().value()).assign(ProgramPlan.Offer.of(MUG.id(), Cost.of(MILES, 90))).build());
    assertThat(moved.program().walletRewards()).singleElement()
        .satisfies(offer -> assertThat(offer.costs()).containsExactly(Cost.of(MILES, 90)));
  }

  @Test
  @DisplayName("card definitions are assigned only to a DRAFT program, and one that a rule pays into cannot be unassigned")
  void card_definition_batches() {
    activeParts();
    parts.define(CardDefinition.of(WalletId.of("lcd_extra"), "Extra"));
    parts.createProgram(plan().build());
    assertThatThrownBy(() -> parts.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.CARD_DEFINITIONS)
        .unassign(POINTS.value()).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("unassign[0]"));
    Program withExtra = parts.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.CARD_DEFINITIONS)
        .unassign(MILES.value()).assign("lcd_extra").build()).program();
    assertThat(withExtra.walletIds()).containsExactly(POINTS, WalletId.of("lcd_extra"));

    parts.activate(ComponentKind.CARD_DEFINITION, "lcd_extra");
    engine.activateProgram(PROGRAM);
    assertThatThrownBy(() -> parts.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.CARD_DEFINITIONS)
        .assign(MILES.value()).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("status"));
  }

  @Test
  @DisplayName("an earning rule paying into a card definition that is not stored is refused when defined")
  void a_rule_needs_its_card_definitions() {
    assertThatThrownBy(() -> parts.define(perOrder(10)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("earnings[0].effects[0].card_definition_id"));
    assertThat(parts.list(ComponentKind.EARNING_RULE)).isEmpty();
  }

  @Test
  @DisplayName("a card definition's bad field is named as the card definition's own; a program takes at most 100 v2 rules")
  void paths_and_counts() {
    assertThatThrownBy(() -> parts.define(CardDefinition.of(POINTS, "")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("name"));
    Program.Builder many = Program.builder(PROGRAM, "Many").wallet(CardDefinition.of(POINTS, "Points"));
    for (int i = 0; i < 101; i++) {
      many.earningRule(FirstMatchRule.of(RuleId.of("ler_" + i), Trigger.ORDER_PAID,
          Earning.always(Effect.points(POINTS, 1))));
    }
    assertThatThrownBy(() -> engine.define(many.build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .contains("earning_rules"));
  }

  @Test
  @DisplayName("a rule's tier_rules are checked when a program holds it: against the plan's tier structure")
  void tier_rules_meet_the_programs_structure() {
    parts.define(CardDefinition.of(POINTS, "Points"));
    parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    parts.define(FirstMatchRule.of(PER_ORDER, Trigger.ORDER_PAID,
        Earning.always(Effect.points(POINTS, 50)).forTiers(TierStructureTest.GOLD),
        Earning.always(Effect.points(POINTS, 5))));
    assertThatThrownBy(() -> parts.createProgram(ProgramPlan.builder(PROGRAM, "No tiers").cardDefinition(POINTS)
        .earningRule(PER_ORDER).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .anyMatch(path -> path.contains("tier_rules")));
    Program tiered = parts.createProgram(ProgramPlan.builder(PROGRAM, "Tiers").cardDefinition(POINTS)
        .earningRule(PER_ORDER).tierStructure(TierStructureTest.ladder(
            io.loyalty.spi.tier.TierStructure.Tracking.balance(POINTS)).build()).build());
    assertThat(tiered.tierStructure()).isNotNull();
  }

  @Test
  @DisplayName("an offer priced at its reward's costs follows a change of them; an offer with costs of its own keeps them")
  void offers_follow_their_rewards_costs() {
    activeParts();
    engine.defineReward(MUG.withCosts(List.of(Cost.of(POINTS, 20))));
    Reward cup = Reward.of("lrew_cup", "Cup", new RewardKind.Material(ProductId.of("prod_cup"), null))
        .withCosts(List.of(Cost.of(POINTS, 20)));
    engine.defineReward(cup);
    parts.createProgram(plan().reward(ProgramPlan.Offer.of(MUG.id()))
        .reward(ProgramPlan.Offer.of(cup.id(), Cost.of(MILES, 70))).build());
    engine.defineReward(engine.reward(MUG.id()).withCosts(List.of(Cost.of(MILES, 35))));
    engine.defineReward(engine.reward(cup.id()).withCosts(List.of(Cost.of(POINTS, 99))));
    Program program = engine.program(PROGRAM);
    assertThat(program.version()).isEqualTo(2);
    assertThat(program.walletRewards()).extracting(o -> o.costs())
        .containsExactly(List.of(Cost.of(MILES, 35)), List.of(Cost.of(MILES, 70)));
    // costs that do not fit a program offering the reward at them are refused: nothing changes
    assertThatThrownBy(() -> engine.defineReward(engine.reward(MUG.id())
        .withCosts(List.of(Cost.of(WalletId.of("lcd_elsewhere"), 5)))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("costs"));
    assertThat(engine.reward(MUG.id()).costs()).containsExactly(Cost.of(MILES, 35));
  }

  @Test
  @DisplayName("an earning rule no program holds goes back to DRAFT, where its trigger can change again")
  void an_unassigned_rule_goes_back_to_draft() {
    activeParts();
    parts.createProgram(plan().build());
    assertThatThrownBy(() -> parts.draft(ComponentKind.EARNING_RULE, PER_ORDER.value()))
        .isInstanceOf(InvalidInputException.class); // held by the program
    parts.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.EARNING_RULES).unassign(PER_ORDER.value()).build());
    assertThat(parts.draft(ComponentKind.EARNING_RULE, PER_ORDER.value()).status()).isEqualTo(ComponentStatus.DRAFT);
    FirstMatchRule segment = FirstMatchRule.of(PER_ORDER, new Trigger.SegmentEntered(io.loyalty.spi.SegmentId.of("seg_vip")),
        Earning.always(Effect.points(POINTS, 1)));
    assertThat(parts.define(segment).component()).isEqualTo(segment);
  }

  @Test
  @DisplayName("property: after any sequence of edits, status moves and batches, every program holds each part's latest version")
  void programs_hold_the_latest_version_of_their_parts() {
    org.quicktheories.QuickTheory.qt().withFixedSeed(47L).withExamples(120)
        .forAll(org.quicktheories.generators.SourceDSL.lists()
            .of(org.quicktheories.generators.SourceDSL.integers().between(0, 59)).ofSizeBetween(1, 25))
        .checkAssert(steps -> {
          LoyaltyEngine e = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(new MutableClock(Fixtures.T0))
              .random(Fixtures.seeded(5)).build();
          ProgramComponents p = e.components();
          p.define(CardDefinition.of(POINTS, "Points"));
          p.define(CardDefinition.of(MILES, "Miles"));
          p.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
          p.activate(ComponentKind.CARD_DEFINITION, MILES.value());
          p.define(perOrder(10));
          p.activate(ComponentKind.EARNING_RULE, PER_ORDER.value());
          p.define(FirstMatchRule.of(BONUS, Trigger.ORDER_PAID, Earning.always(Effect.points(MILES, 1))));
          p.createProgram(plan().build());
          p.createProgram(ProgramPlan.builder(ProgramId.of("lprg_other"), "Other").cardDefinition(MILES)
              .earningRule(BONUS).build());
          for (int step : steps) {
            long value = step % 10 + 1;
            try {
              switch (step / 10) {
                case 0 -> p.define(perOrder(value));
                case 1 -> p.define(FirstMatchRule.of(BONUS, Trigger.ORDER_PAID, Earning.always(Effect.points(MILES, value))));
                case 2 -> p.activate(ComponentKind.EARNING_RULE, step % 2 == 0 ? BONUS.value() : PER_ORDER.value());
                case 3 -> p.deactivate(step % 2 == 0 ? BONUS.value() : PER_ORDER.value());
                case 4 -> p.assign(PROGRAM, AssignmentBatch.of(AssignmentBatch.Target.EARNING_RULES)
                    .unassign(step % 2 == 0 ? BONUS.value() : "ler_none").assign(BONUS.value()).strict(false).build());
                default -> p.define(CardDefinition.of(MILES, "Miles " + value));
              }
            } catch (InvalidInputException refused) {
              // a move the rules refuse changes nothing; the invariant below must still hold
            }
          }
          for (Program program : List.of(e.program(PROGRAM), e.program(ProgramId.of("lprg_other")))) {
            for (FirstMatchRule rule : program.firstMatchRules()) {
              StoredComponent latest = p.get(ComponentKind.EARNING_RULE, rule.id().value());
              assertThat(rule).isEqualTo(((FirstMatchRule) latest.component())
                  .withActive(latest.status() == ComponentStatus.ACTIVE));
            }
            for (CardDefinition wallet : program.wallets()) {
              assertThat(wallet).isEqualTo(p.get(ComponentKind.CARD_DEFINITION, wallet.id().value()).component());
            }
          }
        });
  }
}
