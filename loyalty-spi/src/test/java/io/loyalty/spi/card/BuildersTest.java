package io.loyalty.spi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Redemption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The records with many parts are built by name: a builder gives back what it was given, and names what is missing. */
class BuildersTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  @DisplayName("a card, a ledger entry and a redemption round-trip through their builders")
  void roundTrip() {
    Card card = new Card(CardCode.of("A-1"), ProgramId.of("camp_1"), io.loyalty.spi.WalletId.of("lcd_1"), 3, CustomerId.of("c1"), T0, T0, null, false,
        List.of(new Lot(1, 5, 5, T0, null, null, LotState.ACTIVE, new LotSource(null, null, 1, null))), 2, 1, 1,
        new io.loyalty.spi.tier.TierState(T0, T0, 7, List.of(new io.loyalty.spi.tier.TierState.Grant(
            io.loyalty.spi.TierId.of("ltr_1"), T0, T0.plusSeconds(60), T0))));
    assertThat(card.toBuilder().build()).isEqualTo(card);
    assertThat(card.toBuilder().version(4).build().version()).isEqualTo(4);
    assertThat(card.toBuilder().build().wallet()).isEqualTo(io.loyalty.spi.WalletId.of("lcd_1"));
    assertThat(Card.builder().code(CardCode.of("B")).program(ProgramId.of("p")).createdAt(T0).build().wallet())
        .isEqualTo(io.loyalty.spi.WalletId.MAIN);
    LedgerEntry entry = new LedgerEntry(CardCode.of("A-1"), 1, EntryType.POINTS_ADDITION, 5, 0, 5, T0, LedgerKey.Source.of("k1"), null, null,
        1, null, "why", List.of(), null);
    assertThat(entry.toBuilder().build()).isEqualTo(entry);
    Redemption redemption = Redemption.builder().id(RedemptionId.of("r1")).version(1).program(ProgramId.of("camp_1"))
        .card(CardCode.of("A-1")).assignment(AssignmentId.of("rewa_1")).reward(RewardId.of("rew_1")).at(T0)
        .status(Redemption.Status.SUCCEEDED).fulfilment(Redemption.Fulfilment.NONE).points(10).build();
    assertThat(redemption.toBuilder().build()).isEqualTo(redemption);
    assertThat(redemption.draws()).isEmpty();
    assertThat(redemption.failureMessage()).isEmpty();
  }

  @Test
  @DisplayName("a part that must be given and was not is named")
  void missingPartIsNamed() {
    assertThatThrownBy(() -> Card.builder().code(CardCode.of("A-1")).build()).isInstanceOf(NullPointerException.class)
        .hasMessage("program");
    assertThat(Card.builder().code(CardCode.of("A-1")).program(ProgramId.of("camp_1")).createdAt(T0).build())
        .isEqualTo(Card.generated(CardCode.of("A-1"), ProgramId.of("camp_1"), T0).withVersion(0));
  }
}
