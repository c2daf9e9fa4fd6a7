package io.loyalty.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The boundary of the SPI: ids, free text, metadata and numbers that enter are bounded and well-formed. */
class BoundaryTest {
  private static final int MESSAGE_BOUND = 600;

  static java.util.stream.Stream<String> forbidden() {
    return HostileText.FORBIDDEN_IN_IDS.stream();
  }

  @ParameterizedTest
  @MethodSource("forbidden")
  void an_id_with_a_forbidden_character_anywhere_is_refused(String bad) {
    for (String text : new String[] {bad + "x", "x" + bad, "a" + bad + "b"}) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EventId.of(text));
      assertThat(e).as("id %s", escape(text)).isNotNull();
      assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("event_id"));
      assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    }
  }

  @Test
  void regression_customer_ids_that_differ_only_by_unpaired_surrogates_are_refused_not_collapsed() {
    // PostgreSQL stored both as "alice?" and one customer read the other's card
    assertThatThrownBy(() -> CustomerId.of("alice\uD800")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> CustomerId.of("alice\uDFFF")).isInstanceOf(InvalidInputException.class);
    assertThat(CustomerId.of("alice\uD83D\uDE00").value()).isEqualTo("alice\uD83D\uDE00");
  }

  @Test
  void an_id_longer_than_the_limit_names_the_limit_and_quotes_a_bounded_part_of_it() {
    String huge = "e".repeat(1_000_000);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EventId.of(huge));
    assertThat(e.getMessage()).contains("200").hasSizeLessThan(MESSAGE_BOUND).contains("1000000 characters");
    assertThat(EventId.of("e".repeat(200)).value()).hasSize(200);
  }

  @Test
  void a_rejected_customer_id_is_never_quoted_in_the_message() {
    String email = "alice.smith@example.com\u202E";
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CustomerId.of(email));
    assertThat(e.getMessage()).doesNotContain("alice").contains("customer_id");
    assertThat(e.violations().get(0).value()).isNull();
  }

  @Test
  void ids_are_kept_in_nfc_so_canonically_equal_texts_are_one_id() {
    assertThat(CardCode.of("Cafe\u0301")).isEqualTo(CardCode.of("Caf\u00E9"));
  }

  @Test
  void every_accepted_id_survives_a_utf8_round_trip_and_contains_nothing_forbidden() {
    qt().withFixedSeed(3L).withExamples(3_000).forAll(HostileText.mixed()).checkAssert(text -> {
      String accepted;
      try {
        accepted = CustomerId.of(text).value();
      } catch (InvalidInputException e) {
        assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND);
        assertThat(e.violations().get(0).value()).isNull();
        return;
      }
      assertThat(new String(accepted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(accepted);
      assertThat(Normalizer.isNormalized(accepted, Normalizer.Form.NFC)).isTrue();
      assertThat(accepted.length()).isBetween(1, Limits.MAX_ID_LENGTH);
      assertThat(Limits.idProblem(accepted)).isNull();
      for (String bad : HostileText.FORBIDDEN_IN_IDS) {
        if (!Character.isSurrogate(bad.charAt(0))) {
          assertThat(accepted).doesNotContain(bad);
        }
      }
    });
  }

  @Test
  void two_accepted_ids_are_equal_exactly_when_their_utf8_bytes_are() {
    // what makes two stores agree: no accepted text can collapse into another when a store encodes it
    Map<String, String> byBytes = new HashMap<>();
    qt().withFixedSeed(4L).withExamples(3_000).forAll(HostileText.mixed()).checkAssert(text -> {
      String id;
      try {
        id = EventId.of(text).value();
      } catch (InvalidInputException e) {
        return;
      }
      String bytes = java.util.HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
      String before = byBytes.putIfAbsent(bytes, id);
      assertThat(before == null || before.equals(id)).isTrue();
    });
  }

  @Test
  void a_huge_text_is_refused_with_its_limit_and_a_bounded_message() {
    qt().withFixedSeed(5L).withExamples(40).forAll(HostileText.huge()).checkAssert(text -> {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
          () -> Limits.checkText("reason", text, Limits.MAX_TEXT_LENGTH));
      if (text.length() <= Limits.MAX_TEXT_LENGTH) {
        assertThat(e).isNull();
      } else {
        assertThat(e.getMessage()).contains("reason", "1000").hasSizeLessThan(MESSAGE_BOUND);
      }
    });
  }

  @Test
  void free_text_keeps_line_breaks_and_emoji_but_refuses_nul_lone_surrogates_and_bidi_overrides() {
    assertThat(Limits.textProblem("two\nlines\tand \uD83D\uDC69\u200D\uD83D\uDCBB", 100)).isNull();
    assertThat(Limits.textProblem("nul\u0000", 100)).contains("control");
    assertThat(Limits.textProblem("lone\uDC00", 100)).contains("surrogate");
    assertThat(Limits.textProblem("evil\u202Etxt.exe", 100)).contains("bidi");
    assertThat(Limits.textProblem("", 100)).isNull();
  }

  @Test
  void regression_a_metadata_number_with_a_huge_exponent_is_refused_before_any_arithmetic() {
    // 1E+300000000 ran the JVM out of memory in toPlainString
    for (String bomb : new String[] {"1E+300000000", "1E-300000000", "-9E+999999999", "1" + "0".repeat(100)}) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
          () -> Metadata.of("rank", new BigDecimal(bomb)));
      assertThat(e).as(bomb).isNotNull();
      assertThat(e.violations()).singleElement().satisfies(v -> {
        assertThat(v.path()).isEqualTo("metadata.rank");
        assertThat(v.message()).contains("24", "12");
      });
      assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND);
    }
    BigDecimal huge = new BigDecimal(new java.math.BigInteger("9".repeat(100_000)));
    assertThat(Limits.decimalProblem(huge)).isNotNull();
    assertThat(new MetaValue.Num(new BigDecimal("0E+999999999")).value()).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void metadata_numbers_within_the_bounds_are_kept_exactly() {
    qt().withFixedSeed(6L).withExamples(2_000)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all(),
            org.quicktheories.generators.SourceDSL.integers().between(-30, 30))
        .checkAssert((unscaled, scale) -> {
          BigDecimal d = BigDecimal.valueOf(unscaled, scale);
          String problem = Limits.decimalProblem(d);
          BigDecimal stripped = d.stripTrailingZeros();
          boolean fits = d.signum() == 0
              || stripped.precision() - stripped.scale() <= Limits.MAX_DECIMAL_INTEGER_DIGITS
              && stripped.scale() <= Limits.MAX_DECIMAL_SCALE;
          assertThat(problem == null).isEqualTo(fits);
          if (fits) {
            assertThat(new MetaValue.Num(d).value()).isEqualByComparingTo(d);
          }
        });
  }

  @Test
  void metadata_is_bounded_in_entries_key_length_and_text_length_and_names_every_offending_key() {
    Map<String, MetaValue> many = new HashMap<>();
    for (int i = 0; i <= Limits.MAX_METADATA_ENTRIES; i++) {
      many.put("k" + i, new MetaValue.Flag(true));
    }
    assertThatThrownBy(() -> new Metadata(many)).hasMessageContaining("at most 100 entries");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> new Metadata(Map.of(
        "k".repeat(101), new MetaValue.Flag(true),
        "note", new MetaValue.Text("x".repeat(10_001)),
        "nul", new MetaValue.Text("a\u0000b"),
        " ", new MetaValue.Flag(false))));
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactlyInAnyOrder("metadata", "metadata.note", "metadata.nul", "metadata");
    assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND);
  }

  @Test
  void a_violation_quotes_at_most_a_bounded_escaped_part_of_any_value() {
    qt().withFixedSeed(7L).withExamples(500).forAll(HostileText.mixed().mix(HostileText.huge(), 20))
        .checkAssert(text -> {
          Violation v = new Violation(text, "is bad", text);
          String shown = v.toString();
          assertThat(shown.length()).as(escape(text)).isLessThan(2 * (6 * Limits.MAX_QUOTED_LENGTH + 40) + 20);
          assertThat(Limits.textProblem(shown, Integer.MAX_VALUE)).as(escape(text)).isNull();
          assertThat(shown).as(escape(text)).doesNotContain("\u202E", "\u0000");
        });
    Violation number = new Violation("n", "is bad", new BigDecimal("1E+300000000"));
    assertThat(number.toString()).hasSizeLessThan(100);
  }

  @Test
  void the_error_registry_has_one_snake_case_key_per_code_and_finds_each_by_key() {
    Map<String, ErrorCode> seen = new HashMap<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.key()).matches("[a-z]+(_[a-z]+)*");
      assertThat(seen.put(code.key(), code)).isNull();
      assertThat(ErrorCode.ofKey(code.key())).contains(code);
      assertThat(code.httpStatus()).isBetween(400, 599);
    }
    assertThat(ErrorCode.ofKey("no_such_key")).isEmpty();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().limit(80).forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }

}
