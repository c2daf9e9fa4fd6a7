package io.loyalty.spi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a card write's base is the same card at the expected version")
class CardWriteTest {
  private static final Card STORED = Card.generated(CardCode.of("C-1"), ProgramId.of("camp"),
      Instant.parse("2024-01-01T00:00:00Z"));

  @Test
  void over_expects_the_bases_version_and_keeps_the_base() {
    Card next = STORED.withActive(false);
    CardWrite write = CardWrite.over(STORED, next);
    assertThat(write.expectedVersion()).isEqualTo(1);
    assertThat(write.base()).isSameAs(STORED);
    assertThat(new CardWrite(next, 1).base()).isNull();
  }

  @Test
  void a_base_of_another_card_or_at_another_version_is_refused() {
    Card other = Card.generated(CardCode.of("C-2"), ProgramId.of("camp"), STORED.createdAt());
    assertThatThrownBy(() -> new CardWrite(STORED.withActive(false), 1, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CardWrite(STORED.withActive(false).withActive(true), 2, STORED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
