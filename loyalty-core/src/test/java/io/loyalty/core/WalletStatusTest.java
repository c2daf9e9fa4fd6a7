package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A v2 program's lifecycle (digest section 12.1): created as DRAFT or ACTIVE, activated from DRAFT or INACTIVE with an
 * active rule, deactivated, deleted softly and for good; wallets change only while it is a draft; only an active
 * program takes members and earns.
 */
@DisplayName("loyalty v2: program statuses")
class WalletStatusTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_status");
  static final WalletId POINTS = WalletId.of("lcd_points");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(4)).build();

  static Program.Builder draft() {
    return Program.builder(PROGRAM, "Lifecycle").status(ProgramStatus.DRAFT)
        .wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_1"), Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 7))));
  }

  private EventOutcome pay(String id) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD",
        1_000)));
  }

  private static List<String> paths(Throwable e) {
    return ((InvalidInputException) e).violations().stream().map(Violation::path).toList();
  }

  @Test
  @DisplayName("a draft takes no members and its wallets can change; activated, it takes members and its wallets are fixed")
  void draftThenActive() {
    Program draft = engine.define(draft().build());
    assertThat(draft.status()).isEqualTo(ProgramStatus.DRAFT);
    assertThat(draft.active()).isFalse();
    assertThatThrownBy(() -> engine.addMember(PROGRAM, CustomerId.of("alice")))
        .isInstanceOf(ProgramNotActiveException.class);
    engine.define(draft().wallet(CardDefinition.of(WalletId.of("lcd_miles"), "Miles")).build());
    Program live = engine.activateProgram(PROGRAM);
    assertThat(live.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(live.wallets()).hasSize(2);
    assertThat(engine.addMember(PROGRAM, CustomerId.of("alice"))).hasSize(2);
    assertThat(pay("e1").points()).isEqualTo(7);
    assertThatThrownBy(() -> engine.define(live.toBuilder().wallet(CardDefinition.of(WalletId.of("lcd_x"), "X"))
        .build())).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(paths(e)).containsExactly("card_definitions"));
    assertThatThrownBy(() -> engine.define(live.toBuilder().status(ProgramStatus.DRAFT).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot go from ACTIVE to DRAFT");
  }

  @Test
  @DisplayName("a program without an active rule cannot be activated, and a program is created DRAFT or ACTIVE only")
  void activationNeedsAnActiveRule() {
    engine.define(Program.builder(PROGRAM, "Idle").status(ProgramStatus.DRAFT)
        .wallet(CardDefinition.of(POINTS, "Points")).build());
    assertThatThrownBy(() -> engine.activateProgram(PROGRAM)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(paths(e)).containsExactly("status"));
    assertThat(engine.program(PROGRAM).status()).isEqualTo(ProgramStatus.DRAFT);
    assertThatThrownBy(() -> engine.define(draft().status(ProgramStatus.INACTIVE).build().toBuilder()
        .status(ProgramStatus.INACTIVE).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.define(Program.builder(ProgramId.of("lprg_new"), "New")
        .status(ProgramStatus.INACTIVE).wallet(CardDefinition.of(POINTS, "Points")).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be DRAFT or ACTIVE when a program is created");
  }

  @Test
  @DisplayName("deactivated, members keep their points and earn nothing; activated again, they earn")
  void deactivateAndReactivate() {
    engine.define(draft().status(ProgramStatus.ACTIVE).build());
    Card card = engine.addMember(PROGRAM, CustomerId.of("alice")).get(0);
    pay("e1");
    assertThat(engine.deactivateProgram(PROGRAM).status()).isEqualTo(ProgramStatus.INACTIVE);
    EventOutcome off = pay("e2");
    assertThat(off.points()).isZero();
    assertThat(off.programs()).flatExtracting(p -> p.skipped()).extracting(Skip::reason)
        .containsOnly(SkipReason.PROGRAM_INACTIVE);
    assertThat(engine.balance(card.code())).isEqualTo(7);
    engine.activateProgram(PROGRAM);
    assertThat(pay("e3").points()).isEqualTo(7);
  }

  @Test
  @DisplayName("deleted, a program loses its rules and offers, keeps its members' cards, and changes no more")
  void delete() {
    engine.define(draft().status(ProgramStatus.ACTIVE).build());
    Card card = engine.addMember(PROGRAM, CustomerId.of("alice")).get(0);
    pay("e1");
    Program deleted = engine.deleteProgram(PROGRAM);
    assertThat(deleted.status()).isEqualTo(ProgramStatus.DELETED);
    assertThat(deleted.earningRules()).isEmpty();
    assertThat(deleted.rewards()).isEmpty();
    assertThat(engine.balance(card.code())).isEqualTo(7);
    assertThat(engine.ledger(card.code())).hasSize(1);
    assertThatThrownBy(() -> engine.activateProgram(PROGRAM)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a deleted program cannot change");
    assertThat(pay("e2").points()).isZero();
  }

  @Test
  @DisplayName("a v1 program has no lifecycle of its own: its status is its switch's")
  void v1() {
    Program v1 = engine.define(Fixtures.program(Fixtures.orderRule("r", io.loyalty.spi.program.PointsFormula.fixed(1))));
    assertThat(v1.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(v1.toBuilder().active(false).build().status()).isEqualTo(ProgramStatus.INACTIVE);
    assertThatThrownBy(() -> engine.deactivateProgram(v1.id())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("v1 program");
  }
}
