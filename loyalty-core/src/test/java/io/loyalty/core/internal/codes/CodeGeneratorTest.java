package io.loyalty.core.internal.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.core.CodesExhaustedException;
import io.loyalty.spi.program.CodeConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {
  static final Predicate<String> NONE_TAKEN = code -> false;

  final CodeGenerator generator = new CodeGenerator(new SeededRandom(42));

  static CodeConfig config(String charset, String pattern) {
    return new CodeConfig(null, charset, null, null, pattern);
  }

  @Test
  void theSeedPatternYieldsSevenAlphanumericsAfterThePrefix() {
    List<String> codes = generator.generate(CodeConfig.pattern("ACME-CARD-#######"), 50, NONE_TAKEN);
    assertThat(codes).hasSize(50).allMatch(code -> code.matches("ACME-CARD-[0-9a-zA-Z]{7}"));
  }

  @Test
  void theDefaultConfigurationYieldsEightAlphanumerics() {
    assertThat(generator.generateOne(CodeConfig.DEFAULT, NONE_TAKEN)).matches("[0-9a-zA-Z]{8}");
  }

  @Test
  void prefixAndPostfixSurroundTheRandomBody() {
    CodeConfig config = new CodeConfig(5, CodeConfig.NUMBERS, "L-", "-X", null);
    assertThat(generator.generate(config, 20, NONE_TAKEN)).allMatch(code -> code.matches("L-[0-9]{5}-X"));
  }

  @Test
  void aPatternOverridesTheLength() {
    CodeConfig config = new CodeConfig(12, CodeConfig.NUMBERS, null, null, "##-##");
    assertThat(generator.generate(config, 20, NONE_TAKEN)).allMatch(code -> code.matches("[0-9]{2}-[0-9]{2}"));
  }

  @Test
  void tenThousandCodesAreAllDistinct() {
    List<String> codes = generator.generate(config(CodeConfig.ALPHANUMERIC, "######"), 10_000, NONE_TAKEN);
    assertThat(new HashSet<>(codes)).hasSize(10_000);
  }

  @Test
  void noCodeTheTakenPredicateAcceptsIsReturned() {
    // 1,000,000 codes and 1,000 asked: drawn at random, skipping the tenth that end in 0.
    List<String> codes = generator.generate(config(CodeConfig.NUMBERS, "######"), 1_000, code -> code.endsWith("0"));
    assertThat(codes).hasSize(1_000).doesNotHaveDuplicates().noneMatch(code -> code.endsWith("0"));
  }

  @Test
  void aSmallSpaceReturnsTheFreeCodesByEnumeration() {
    // "AB" and "##" give AA, AB, BA, BB; with AA and BB taken only AB and BA remain.
    List<String> codes = generator.generate(config("AB", "##"), 2, Set.of("AA", "BB")::contains);
    assertThat(codes).containsExactlyInAnyOrder("AB", "BA");
  }

  @Test
  void aNearlyFullSpaceStillYieldsItsLastFreeCodes() {
    // 1,000 codes for 5 asked is drawn at random first; when the 200 draws run out, the free codes are listed.
    Set<String> free = Set.of("007", "123", "500", "901", "999");
    List<String> codes = generator.generate(config(CodeConfig.NUMBERS, "###"), 5, code -> !free.contains(code));
    assertThat(codes).containsExactlyInAnyOrderElementsOf(free);
  }

  @Test
  void tooFewFreeCodesInASmallSpaceIsExhaustion() {
    Set<String> free = Set.of("007", "123", "500", "901");
    assertThatThrownBy(() -> generator.generate(config(CodeConfig.NUMBERS, "###"), 5, code -> !free.contains(code)))
        .isInstanceOf(CodesExhaustedException.class)
        .hasMessageContaining("only 4 are free");
  }

  @Test
  void askingForMoreCodesThanThePatternYieldsIsExhaustion() {
    assertThatThrownBy(() -> generator.generate(config(CodeConfig.NUMBERS, "##"), 101, NONE_TAKEN))
        .isInstanceOf(CodesExhaustedException.class)
        .hasMessage("Code pattern '##' with 2 placeholder(s) and a charset of 10 distinct character(s) yields at most "
            + "100 distinct codes; 101 were asked")
        .satisfies(e -> assertThat(((CodesExhaustedException) e).code()).isEqualTo("codes_exhausted"));
  }

  @Test
  void aSpaceTooLargeToListGivesUpAfterBoundedAttemptsWhenEveryCodeIsTaken() {
    // 10,000,000 codes is more than the million a generator lists: 100 + 20 x 1 = 120 draws, all taken.
    assertThatThrownBy(() -> generator.generate(config(CodeConfig.NUMBERS, "#######"), 1, code -> true))
        .isInstanceOf(CodesExhaustedException.class)
        .hasMessageContaining("after 120 attempts; the space is nearly full");
  }

  @Test
  void theSameSeedGivesTheSameCodes() {
    CodeConfig config = CodeConfig.pattern("ACME-CARD-#######");
    List<String> first = new CodeGenerator(new SeededRandom(7)).generate(config, 10, NONE_TAKEN);
    List<String> second = new CodeGenerator(new SeededRandom(7)).generate(config, 10, NONE_TAKEN);
    List<String> other = new CodeGenerator(new SeededRandom(8)).generate(config, 10, NONE_TAKEN);
    assertThat(first).isEqualTo(second).isNotEqualTo(other);
  }

  @Test
  void duplicateCharsetCharactersCountOnce() {
    assertThat(CodeGenerator.capacity(config("aab", "##"))).isEqualTo(4); // {a, b}^2
    assertThat(generator.generate(config("aab", "#"), 2, NONE_TAKEN)).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreDrawnWhole() {
    assertThat(generator.generate(config("\uD83D\uDE00\uD83D\uDE01", "#"), 2, NONE_TAKEN))
        .containsExactlyInAnyOrder("\uD83D\uDE00", "\uD83D\uDE01");
  }

  @Test
  void everyCharsetCharacterIsDrawnAtSomePosition() {
    Set<Character> seen = generator.generate(config(CodeConfig.ALPHANUMERIC, "########"), 500, NONE_TAKEN).stream()
        .flatMapToInt(String::chars).mapToObj(c -> (char) c).collect(Collectors.toSet());
    assertThat(seen).hasSize(62);
  }

  @Test
  void theDefaultCapacityIsSixtyTwoToTheEighth() {
    assertThat(CodeGenerator.capacity(CodeConfig.DEFAULT)).isEqualTo(218_340_105_584_896L);
  }

  @Test
  void tenAlphanumericPlaceholdersStillFitALong() {
    assertThat(CodeGenerator.capacity(CodeConfig.pattern("##########"))).isEqualTo(839_299_365_868_340_224L);
  }

  @Test
  void elevenAlphanumericPlaceholdersSaturateAtLongMax() {
    assertThat(CodeGenerator.capacity(CodeConfig.pattern("###########"))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anEmptyCharsetYieldsNoCodes() {
    assertThat(CodeGenerator.capacity(config("", "#"))).isZero();
    assertThatThrownBy(() -> generator.generate(config("", "#"), 1, NONE_TAKEN))
        .isInstanceOf(CodesExhaustedException.class);
  }

  @Test
  void askingForNoCodesReturnsAnEmptyList() {
    assertThat(generator.generate(CodeConfig.DEFAULT, 0, NONE_TAKEN)).isEmpty();
  }

  @Test
  void anAbsurdLengthIsRejectedWithoutBuildingThePattern() {
    CodeConfig huge = new CodeConfig(Integer.MAX_VALUE, null, null, null, null);
    assertThat(CodeGenerator.capacity(huge)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> generator.generate(huge, 1, NONE_TAKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 200");
  }

  @Test
  void aSingleCharacterCharsetWithAHugeLengthHasCapacityOne() {
    assertThat(CodeGenerator.capacity(new CodeConfig(Integer.MAX_VALUE, "x", null, null, null))).isEqualTo(1);
  }

  @Test
  void enumeratedCodesAreDrawnInARandomOrder() {
    List<String> all = generator.generate(config(CodeConfig.NUMBERS, "##"), 100, NONE_TAKEN);
    List<String> sorted = IntStream.range(0, 100).mapToObj(i -> String.format("%02d", i)).toList();
    assertThat(all).containsExactlyInAnyOrderElementsOf(sorted).isNotEqualTo(sorted);
  }
}
