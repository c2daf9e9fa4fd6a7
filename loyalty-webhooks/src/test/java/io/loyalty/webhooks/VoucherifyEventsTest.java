package io.loyalty.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VoucherifyEventsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static final ProgramId PROGRAM = ProgramId.of("camp_test");
  private LedgerEntry addition;

  @BeforeEach
  void aManualAddition() {
    InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    engine.define(Program.builder(PROGRAM, "Test").build());
    var card = engine.enrol(PROGRAM, CustomerId.of("cust_1")).code();
    addition = engine.addPoints(card, 5, AddedPointsExpiry.never(), "welcome", "src-1");
  }

  private OutboxEvent event(OutboxEvent.Type type, LedgerEntry entry) {
    return new OutboxEvent("e", type, entry.card(), PROGRAM, T0, new OutboxEvent.Transaction(entry));
  }

  @Test
  void a_manual_addition_is_points_added_and_a_transaction_but_not_a_reward() {
    assertThat(VoucherifyEvents.of(event(OutboxEvent.Type.POINTS_ADDED, addition)))
        .containsExactly(VoucherifyEvents.POINTS_ADDED, VoucherifyEvents.TRANSACTION_CREATED);
  }

  @Test
  void points_an_earning_rule_gave_are_also_customer_rewarded_loyalty_points() {
    LedgerEntry accrual = addition.toBuilder().type(EntryType.POINTS_ACCRUAL).rule(RuleId.of("per_euro")).build();
    assertThat(VoucherifyEvents.of(event(OutboxEvent.Type.POINTS_ADDED, accrual))).containsExactly(
        VoucherifyEvents.POINTS_ADDED, VoucherifyEvents.REWARDED_LOYALTY_POINTS, VoucherifyEvents.TRANSACTION_CREATED);
  }

  @Test
  void a_transfer_in_is_also_points_transferred() {
    LedgerEntry in = addition.toBuilder().type(EntryType.POINTS_TRANSFER_IN).build();
    assertThat(VoucherifyEvents.of(event(OutboxEvent.Type.POINTS_ADDED, in)))
        .contains(VoucherifyEvents.POINTS_TRANSFERRED);
  }

  @Test
  void an_expiry_and_a_redemption_debit_map_to_their_names() {
    LedgerEntry expiry = addition.toBuilder().type(EntryType.POINTS_EXPIRATION).points(-5).build();
    assertThat(VoucherifyEvents.of(event(OutboxEvent.Type.POINTS_EXPIRED, expiry)))
        .containsExactly(VoucherifyEvents.POINTS_EXPIRED, VoucherifyEvents.TRANSACTION_CREATED);
    LedgerEntry spend = addition.toBuilder().type(EntryType.POINTS_REDEMPTION).points(-5).build();
    assertThat(VoucherifyEvents.of(event(OutboxEvent.Type.POINTS_REDEEMED, spend)))
        .containsExactly(VoucherifyEvents.TRANSACTION_CREATED);
  }

  @Test
  void each_tier_move_is_its_customer_loyalty_tier_event() {
    var move = new OutboxEvent.TierChange(CustomerId.of("cust_1"), TierId.of("silver"), TierId.of("gold"), 500);
    assertThat(VoucherifyEvents.of(new OutboxEvent("t", OutboxEvent.Type.TIER_UPGRADED, addition.card(), PROGRAM, T0,
        move))).containsExactly(VoucherifyEvents.TIER_UPGRADED);
  }

  @Test
  void every_name_sent_is_known_and_none_is_also_unsourced() {
    assertThat(VoucherifyEvents.ALL).allMatch(VoucherifyEvents::isKnown);
    assertThat(VoucherifyEvents.ALL).doesNotContainAnyElementsOf(VoucherifyEvents.UNSOURCED);
    assertThat(Set.copyOf(VoucherifyEvents.UNSOURCED)).contains(VoucherifyEvents.ORDER_PAID);
  }
}
