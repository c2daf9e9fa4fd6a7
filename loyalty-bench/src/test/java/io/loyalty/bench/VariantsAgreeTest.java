package io.loyalty.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fast smoke test run by {@code verify}: the benchmark's variants compile, start and agree. No timing. */
class VariantsAgreeTest {
  static Variants variants;

  @BeforeAll
  static void build() {
    variants = Variants.createChecked();
  }

  @Test
  void the_hand_written_floor_gives_the_points_worked_by_hand() {
    Breakdown floor = variants.expected();
    assertThat(floor.points()).isEqualTo(Breakdown.expectedPoints());
    assertThat(floor.total()).isEqualTo(2_945);
    assertThat(floor.lines()).containsEntry("r06_accessories_subtotal", java.util.List.of(1, 2, 3));
  }

  @Test
  void the_engine_easy_rules_and_drools_agree_with_the_floor_rule_by_rule() {
    Breakdown floor = variants.expected();
    assertThat(Breakdown.of(variants.engine.evaluate(variants.event))).isEqualTo(floor);
    assertThat(Breakdown.of(variants.engine.quote(variants.event).programs().get(0))).isEqualTo(floor);
    assertThat(Breakdown.of(variants.easyRules.earn(variants.order, variants.customer))).isEqualTo(floor);
    assertThat(Breakdown.of(variants.drools.earn(variants.order, variants.customer))).isEqualTo(floor);
  }

  @Test
  void drools_sessions_are_independent_from_one_order_to_the_next() {
    long first = variants.drools.earn(variants.order, variants.customer).total();
    assertThat(variants.drools.earn(variants.order, variants.customer).total()).isEqualTo(first);
  }

  @Test
  void apply_earns_what_the_floor_says_and_each_pre_built_order_is_new() {
    ApplyFixture fixture = ApplyFixture.create(3);
    assertThat(fixture.remaining()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(Breakdown.of(fixture.applyNext().programs().get(0))).isEqualTo(variants.expected());
    }
    assertThat(fixture.remaining()).isZero();
  }

  @Test
  void a_v2_order_earns_the_same_points_split_over_its_two_wallets() {
    ApplyFixture fixture = ApplyFixture.create(2, 1, Workload.walletProgram());
    for (int i = 0; i < 2; i++) {
      io.loyalty.spi.earning.EventOutcome outcome = fixture.applyNext();
      assertThat(outcome.programs()).hasSize(2);
      assertThat(outcome.points()).isEqualTo(variants.expected().total());
      assertThat(outcome.programs().get(0).skipped()).extracting(io.loyalty.spi.earning.Skip::reason)
          .containsExactly(io.loyalty.spi.earning.SkipReason.EARLIER_EARNING_MATCHED);
    }
  }

  @Test
  void the_balance_card_holds_100_lots_of_10_points() {
    BalanceFixture fixture = new BalanceFixture();
    assertThat(fixture.engineBalance()).isEqualTo(1_000);
    assertThat(fixture.cardBalance()).isEqualTo(1_000);
  }
}
