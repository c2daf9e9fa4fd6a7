package io.loyalty.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import org.junit.jupiter.api.Test;

/** A smoke test of {@link OutboxCostRun} at a tiny size, so the runner cannot rot. No timing. */
class OutboxCostRunTest {
  @Test
  void without_the_outbox_a_round_writes_the_same_ledger_and_no_outbox_event() {
    InMemoryLoyaltyStore withStore = InMemoryLoyaltyStore.create();
    InMemoryLoyaltyStore withoutStore = InMemoryLoyaltyStore.create();

    OutboxCostRun.Side with = OutboxCostRun.round(OutboxCostRun.inMemory(withStore), true, 6, 3);
    OutboxCostRun.Side without = OutboxCostRun.round(OutboxCostRun.inMemory(withoutStore), false, 6, 3);

    assertThat(with.outboxEvents()).as("12 ledger entries per order, each an event").isEqualTo(6 * 12);
    assertThat(without.outboxEvents()).isZero();
    assertThat(withoutStore.pending("any", java.util.Set.of(), 1_000)).isEmpty();
    for (int m = 0; m < 3; m++) {
      Card a = card(withStore, m);
      Card b = card(withoutStore, m);
      assertThat(b.ledgerBalance()).isEqualTo(a.ledgerBalance()).isPositive();
      assertThat(withoutStore.ledger(b.code(), 0, 1_000)).hasSameSizeAs(withStore.ledger(a.code(), 0, 1_000));
    }
  }

  @Test
  void the_comparison_has_both_sides_with_every_order_timed() {
    OutboxCostRun.Comparison c = OutboxCostRun.memory(20, 4, 2);

    assertThat(c.with().orders()).isEqualTo(40);
    assertThat(c.without().orders()).isEqualTo(40);
    assertThat(c.with().latencies()).hasSize(40);
    assertThat(c.with().outbox()).isTrue();
    assertThat(c.without().outbox()).isFalse();
    assertThat(c.without().outboxEvents()).isZero();
    assertThat(c.with().outboxEvents()).isEqualTo(40 * 12);
    assertThat(c.ratios()).hasSize(2).doesNotContain(0.0);
    assertThat(c.with().rounds()).hasSize(2);
  }

  @Test
  void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assertThat(OutboxCostRun.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(OutboxCostRun.median(new double[] {5, 1, 3})).isEqualTo(3);
  }

  private static Card card(InMemoryLoyaltyStore store, int member) {
    return store.cardOf(Workload.PROGRAM, CustomerId.of("member_" + member), WalletId.MAIN).orElseThrow();
  }
}
