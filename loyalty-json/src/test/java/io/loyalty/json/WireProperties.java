package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.CardSummary;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Engine to wire to engine is the identity for every definition the v1 wire carries; card counters are exact. */
class WireProperties {
  private static final ProgramId PROGRAM = ProgramId.of("camp_props");
  private static final ObjectMapper TREE = new ObjectMapper();

  @Test
  @DisplayName("a program written as a campaign reads back equal")
  void programs() {
    qt().withFixedSeed(14_001L).withExamples(400).forAll(WireGenerators.programs())
        .checkAssert(p -> assertThat(WIRE.readProgram(WIRE.write(p))).isEqualTo(p));
  }

  @Test
  @DisplayName("an earning rule written and read back is the same rule")
  void earningRules() {
    qt().withFixedSeed(14_002L).withExamples(600).forAll(WireGenerators.earningRules())
        .checkAssert(r -> assertThat(WIRE.readEarningRule(WIRE.write(r, PROGRAM))).isEqualTo(r));
  }

  @Test
  @DisplayName("a tier written and read back is the same tier")
  void tiers() {
    qt().withFixedSeed(14_003L).withExamples(300).forAll(WireGenerators.tiers())
        .checkAssert(t -> assertThat(WIRE.readTier(WIRE.write(t, PROGRAM))).isEqualTo(t));
  }

  @Test
  @DisplayName("a reward and a reward assignment written and read back are the same")
  void rewardsAndAssignments() {
    qt().withFixedSeed(14_004L).withExamples(300).forAll(WireGenerators.rewards(), WireGenerators.assignments())
        .checkAssert((r, a) -> {
          assertThat(WIRE.readReward(WIRE.write(r))).isEqualTo(r);
          assertThat(WIRE.readRewardAssignment(WIRE.write(a, PROGRAM))).isEqualTo(a);
        });
  }

  @Test
  @DisplayName("a list of earning rules written in the envelope reads back as the same rules")
  void ruleLists() {
    qt().withFixedSeed(14_005L).withExamples(100)
        .forAll(Generate.range(0, 5).flatMap(n -> (Gen<java.util.List<io.loyalty.spi.program.EarningRule>>) in -> {
          var rules = new java.util.ArrayList<io.loyalty.spi.program.EarningRule>();
          for (int i = 0; i < n; i++) {
            rules.add(WireGenerators.earningRules().generate(in));
          }
          return rules;
        }))
        .checkAssert(rules -> {
          Program p = Program.builder(PROGRAM, "p").earningRules(rules).build();
          String list = WIRE.writeEarningRules(p);
          JsonNode data = readTree(list).get("data");
          assertThat(WIRE.readEarningRules(data.toString())).isEqualTo(rules);
          assertThat(readTree(list).get("total").asLong()).isEqualTo(rules.size());
        });
  }

  @Test
  @DisplayName("a card's counters are written exactly, up to the largest points")
  void cardCounters() {
    Gen<Long> points = Generate.longRange(0, Long.MAX_VALUE / 4);
    qt().withFixedSeed(14_006L).withExamples(300).forAll(points, points, points, points)
        .checkAssert((earned, balance, pending, expired) -> {
          // unpublished cards too: an unpublished card once failed to write for want of a holder
          Card card = Card.builder().code(CardCode.of("CARD-" + earned % 1000)).program(PROGRAM).version(1)
              .holder(balance % 2 == 0 ? null : io.loyalty.spi.CustomerId.of("c" + balance % 10))
              .createdAt(Instant.EPOCH).build();
          CardSummary summary = new CardSummary(card.code(), Instant.EPOCH, balance, pending, 0, earned, earned % 7, 1, 0,
              earned % 5, expired, 0, 0, 0, expired % 2 == 0 ? null : LocalDate.of(2030, 1, 31), expired);
          JsonNode voucher = readTree(WIRE.writeCard(card, summary, Program.builder(PROGRAM, "p").build()));
          JsonNode loyalty = voucher.get("loyalty_card");
          assertThat(loyalty.get("points").asLong()).isEqualTo(summary.points());
          assertThat(loyalty.get("balance").asLong()).isEqualTo(balance);
          assertThat(loyalty.get("pending_points").asLong()).isEqualTo(pending);
          assertThat(loyalty.get("expired_points").asLong()).isEqualTo(expired);
          assertThat(loyalty.get("subtracted_points").asLong()).isEqualTo(earned % 5);
          assertThat(loyalty.has("next_expiration_date")).isEqualTo(expired % 2 != 0);
          assertThat(voucher.has("holder_id")).isEqualTo(card.isPublished());
          assertThat(voucher.at("/publish/count").asLong()).isEqualTo(card.isPublished() ? 1 : 0);
        });
  }

  private static JsonNode readTree(String json) {
    try {
      return TREE.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
