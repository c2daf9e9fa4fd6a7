package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.LedgerKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger's sign conventions are invariants, not caller courtesies: a credit or debit of the wrong sign, a
 * reversal owing negative points, a pending adjustment that would leave no points are refused before anything
 * changes, so a request that slipped past validation can never create points.
 */
class CardLedgerInvariantTest {
  static final Instant AT = Instant.parse("2026-04-01T10:00:00Z");
  static final LotSource SOURCE = new LotSource(null, null, 1, null);

  final CardLedger ledger = CardLedger.open(card());

  static Card card() {
    Card generated = Card.generated(CardCode.of("CARD-1"), ProgramId.of("camp_1"), AT);
    Card published = generated.toBuilder().holder(CustomerId.of("cust_1")).publishedAt(AT).build();
    return CardLedger.credit(published, List.of(Credit.now(EntryType.POINTS_ADDITION, 1_000, LedgerKey.Source.of("k0"), SOURCE, "seed", null)),
        AT).card();
  }

  void assertUnchanged() {
    assertThat(ledger.balanceAt(AT)).isEqualTo(1_000);
    assertThat(ledger.appended()).isEmpty();
  }

  @Test
  void a_debit_of_minus_500_points_is_refused_instead_of_raising_the_balance() {
    assertThatThrownBy(() -> ledger.debit(Debit.manual(EntryType.POINTS_REDEMPTION, -500, LedgerKey.Source.of("k1"), 1, "hostile"), AT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("debit");
    assertUnchanged();
  }

  @Test
  void a_debit_of_zero_points_is_refused() {
    assertThatThrownBy(() -> ledger.debit(Debit.manual(EntryType.POINTS_REMOVAL, 0, LedgerKey.Source.of("k1"), 1, "nothing"), AT))
        .isInstanceOf(IllegalStateException.class);
    assertUnchanged();
  }

  @Test
  void a_negative_credit_is_refused_instead_of_taking_points_without_drawing_lots() {
    assertThatThrownBy(() -> ledger.credit(Credit.now(EntryType.POINTS_ADDITION, -300, LedgerKey.Source.of("k1"), SOURCE, "hostile", null), AT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("credit");
    assertUnchanged();
  }

  @Test
  void a_zero_credit_is_refused_on_the_hot_path_too() {
    assertThatThrownBy(() -> ledger.credit(EntryType.POINTS_ACCRUAL, 0, LedgerKey.Source.of("k1"), SOURCE, "nothing", null, null, null, AT))
        .isInstanceOf(IllegalStateException.class);
    assertUnchanged();
  }

  @Test
  void a_reversal_owing_negative_points_is_refused_instead_of_paying_debt_or_points_back() {
    assertThatThrownBy(() -> ledger.reverse(OrderId.of("ord_1"), RuleId.of("r1"), -50, false, true, AT, LedgerKey.Source.of("k1"),
        EventId.of("refund_1"), 1)).isInstanceOf(IllegalStateException.class);
    assertUnchanged();
  }

  @Test
  void restoring_a_negative_draw_is_refused() {
    assertThatThrownBy(() -> ledger.restore(List.of(new LotDraw(1, -10)), AT, null, SOURCE, LedgerKey.Source.of("k1"), "hostile"))
        .isInstanceOf(IllegalStateException.class);
    assertUnchanged();
  }

  @Test
  void a_pending_adjustment_that_would_leave_no_points_is_refused() {
    ledger.credit(new Credit(EntryType.POINTS_ACCRUAL, 40, LedgerKey.Source.of("k1"), SOURCE, "pending", AT.plus(Duration.ofDays(3)), null,
        null), AT);
    long pendingLot = ledger.lots().get(1).id();
    assertThatThrownBy(() -> ledger.adjustPending(pendingLot, -40, AT, LedgerKey.Source.of("k2"), "too much"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ledger.adjustPending(pendingLot, 0, AT, LedgerKey.Source.of("k2"), "nothing"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ledger.lot(pendingLot).remaining()).isEqualTo(40);
    assertThat(ledger.appended()).hasSize(1);
  }

  @Test
  void a_usable_lot_cannot_be_adjusted_activated_or_canceled_as_if_it_were_pending() {
    long usableLot = ledger.lots().get(0).id();
    assertThatThrownBy(() -> ledger.adjustPending(usableLot, 10, AT, LedgerKey.Source.of("k2"), "not pending"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ledger.cancel(usableLot, AT, LedgerKey.Source.of("k3"), "not pending"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ledger.activate(usableLot, AT, null, LedgerKey.Source.of("k4")))
        .isInstanceOf(IllegalStateException.class);
    assertUnchanged();
  }
}
