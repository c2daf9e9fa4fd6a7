package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Limits;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every free text that enters is bounded at the boundary, with the limit in the error, and nothing is written. */
class FreeTextBoundsTest {
  private final LoyaltyEngine engine = Fixtures.engine().build();
  private final CardCode alice;
  private final CardCode bob;

  FreeTextBoundsTest() {
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    alice = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    bob = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
    engine.addPoints(alice, 500, AddedPointsExpiry.never(), "seed", null);
  }

  private static Violation refused(Executable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> {
      try {
        call.execute();
      } catch (Throwable t) {
        throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
      }
    });
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).hasSizeLessThan(400);
    return e.violations().get(0);
  }

  @Test
  void regression_a_21_million_character_reason_is_refused_on_every_operation_instead_of_making_the_ledger_unreadable() {
    String huge = "r".repeat(21_000_000);
    List<Executable> calls = List.of(
        () -> engine.addPoints(alice, 1, AddedPointsExpiry.never(), huge, null),
        () -> engine.removePoints(alice, 1, huge, null),
        () -> engine.transfer(alice, bob, 1, huge, "t1"),
        () -> engine.adjustPendingPoints(alice, 1, 1, huge),
        () -> engine.cancelPendingPoints(alice, 1, huge));
    for (Executable call : calls) {
      Violation v = refused(call);
      assertThat(v.path()).isEqualTo("reason");
      assertThat(v.message()).contains(String.valueOf(Limits.MAX_TEXT_LENGTH));
    }
    assertThat(engine.balance(alice)).isEqualTo(500);
    assertThat(engine.ledger(alice)).hasSize(1);
    assertThat(engine.ledger(bob)).isEmpty();
  }

  @Test
  void a_reason_of_exactly_the_limit_with_line_breaks_and_emoji_is_kept_exactly() {
    String reason = "\uD83D\uDE00\n".repeat(Limits.MAX_TEXT_LENGTH / 3) + "x";
    assertThat(engine.addPoints(alice, 1, AddedPointsExpiry.never(), reason, null).reason()).isEqualTo(reason);
  }

  @Test
  void names_and_banners_of_definitions_are_bounded_and_must_be_well_formed() {
    String longName = "n".repeat(Limits.MAX_NAME_LENGTH + 1);
    Program named = Program.builder(Fixtures.PROGRAM, longName)
        .earningRule(EarningRule.builder(io.loyalty.spi.RuleId.of("r"), io.loyalty.spi.program.Trigger.ORDER_PAID,
            io.loyalty.spi.program.PointsFormula.fixed(1)).banner("bad\u0000banner").build())
        .build();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(named));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("name", "earning_rules[0].source.banner");
    assertThat(e.violations().get(0).message()).contains(String.valueOf(Limits.MAX_NAME_LENGTH));
    assertThat(engine.program(Fixtures.PROGRAM).name()).isEqualTo("Test program");

    Reward reward = Reward.of("rew_x", "gift\uD800", RewardKind.Campaign.coupon("camp\u202Ecoupons"));
    InvalidInputException r = catchThrowableOfType(InvalidInputException.class, () -> engine.defineReward(reward));
    assertThat(r.violations()).extracting(Violation::path).containsExactly("name", "parameters.campaign.id");
  }
}
