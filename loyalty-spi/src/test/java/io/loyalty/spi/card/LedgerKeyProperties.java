package io.loyalty.spi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("ledger keys: the text is injective and parse reads it back")
class LedgerKeyProperties {
  /** Host text built from the characters that could confuse an encoding: colons, digits, letters, non-ASCII. */
  private static final String ALPHABET = "a:1:0Z-é☕9";

  private static Gen<String> hostText() {
    return integers().between(1, 12).zip(longs().all(), (length, seed) -> {
      StringBuilder text = new StringBuilder();
      long s = seed;
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt((int) Math.floorMod(s, (long) ALPHABET.length())));
        s = s * 6364136223846793005L + 1442695040888963407L;
      }
      return text.toString();
    });
  }

  private static Gen<CardCode> codes() {
    return hostText().map(t -> CardCode.of("C" + t.replace(":", "")));
  }

  private static Gen<LedgerKey> keys() {
    return integers().between(0, 8).zip(codes(), hostText(), hostText(), (kind, card, a, b) -> switch (kind) {
      case 0 -> LedgerKey.Accrual.of(card, OrderId.of(a), EventId.of("e"), RuleId.of(b));
      case 1 -> LedgerKey.Accrual.of(card, null, EventId.of(a), RuleId.of(b));
      case 2 -> new LedgerKey.Reversal(card, EventId.of(a), RuleId.of(b));
      case 3 -> LedgerKey.Source.of(a);
      case 4 -> new LedgerKey.Source(a, LedgerKey.Source.Leg.TRANSFER_IN);
      case 5 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.values()[1 + Math.floorMod(a.hashCode(), 5)], card,
          Math.floorMod(b.hashCode(), 1000));
      case 6 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, card, 0);
      case 7 -> new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.values()[Math.floorMod(b.hashCode(), 4)],
          RedemptionId.of(a));
      default -> LedgerKey.parse("x" + a.replace(":", "") + b);
    });
  }

  @Test
  void parse_reads_every_text_back_to_its_key() {
    qt().forAll(keys()).checkAssert(key -> assertThat(LedgerKey.parse(key.text())).isEqualTo(key));
  }

  @Test
  void two_keys_are_equal_exactly_when_their_texts_are() {
    qt().withExamples(4_000).forAll(keys(), keys()).checkAssert((a, b) -> {
      assertThat(a.equals(b)).as("%s vs %s", a.text(), b.text()).isEqualTo(a.text().equals(b.text()));
      if (a.equals(b)) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
    });
  }

  @Test
  void any_text_parses_to_a_key_with_that_text_or_to_no_typed_kind() {
    qt().forAll(strings().ascii().ofLengthBetween(1, 30)).checkAssert(text -> {
      LedgerKey key = LedgerKey.parse(text);
      assertThat(key.text()).isEqualTo(text);
    });
  }

  @Test
  void a_key_names_its_card_only_when_it_is_the_cards_own() {
    CardCode card = CardCode.of("A-1");
    assertThat(LedgerKey.Accrual.of(card, OrderId.of("o"), EventId.of("e"), RuleId.of("r")).card()).isEqualTo(card);
    assertThat(new LedgerKey.Reversal(card, EventId.of("e"), RuleId.of("r")).card()).isEqualTo(card);
    assertThat(new LedgerKey.OnCard(LedgerKey.OnCard.Kind.EXPIRATION, card, 3).card()).isEqualTo(card);
    assertThat(LedgerKey.Source.of("accrual:A-1:order:1:o1:r").card()).isNull();
    assertThat(new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.DEBIT, RedemptionId.of("r1")).card()).isNull();
    assertThat(LedgerKey.parse("k1")).isInstanceOf(LedgerKey.Legacy.class).extracting(LedgerKey::card).isNull();
  }

  @Test
  void an_order_accrual_is_keyed_by_the_order_whatever_the_event() {
    CardCode card = CardCode.of("A-1");
    assertThat(LedgerKey.Accrual.of(card, OrderId.of("o"), EventId.of("e1"), RuleId.of("r")))
        .isEqualTo(LedgerKey.Accrual.of(card, OrderId.of("o"), EventId.of("e2"), RuleId.of("r")));
    assertThat(LedgerKey.parse("accrual:A-1:order:1:o1:r")).isEqualTo(new LedgerKey.Accrual(card, OrderId.of("o"), null,
        RuleId.of("r")));
  }

  @Test
  void texts_that_are_not_in_normal_form_are_legacy_keys_and_a_legacy_key_cannot_take_a_typed_text() {
    assertThat(LedgerKey.parse("accrual:A-1:order:01:o1:r")).isInstanceOf(LedgerKey.Legacy.class); // length not canonical
    assertThat(LedgerKey.parse("adjust:A-1:007")).isInstanceOf(LedgerKey.Legacy.class); // number not canonical
    assertThat(LedgerKey.parse("source:2:ab:out")).isInstanceOf(LedgerKey.Legacy.class); // left over
    assertThat(LedgerKey.parse("source:9:ab")).isInstanceOf(LedgerKey.Legacy.class); // length past the end
    assertThatThrownBy(() -> new LedgerKey.Legacy("source:2:ab")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new LedgerKey.Legacy("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, CardCode.of("A-1"), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
