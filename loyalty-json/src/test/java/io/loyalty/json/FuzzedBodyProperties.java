package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.core.MissingRewardException;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RewardAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Voucherify's bodies with one value replaced, one field dropped or one added, at a random place: every read either
 * succeeds or throws the wire's typed error (or, for a redemption, Voucherify's missing_reward / not_found). Nothing
 * else, no Jackson exception and no engine constructor's bug, may leave the facade.
 */
class FuzzedBodyProperties {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final Program REDEEMING = Program.builder(ProgramId.of("camp_1"), "p")
      .reward(RewardAssignment.of("rewa_1", RewardId.of("rew_2yGflHThU2yJwFECEFKrXBI2"), 50)).build();

  /** Replacement values: every JSON type, edges of every range, texts the engine refuses. */
  private static final List<String> VALUES = List.of("null", "\"\"", "\"x\"", "-1", "0", "1.5", "1e3",
      "9223372036854775808", "-9223372036854775809", "true", "[]", "{}", "[1, \"a\", null]", "{\"a\": {\"b\": 1}}",
      "\"2024-01-01T00:00:00Z\"", "\"2024-13-01T00:00:00Z\"", "\"P1D\"", "\"PT-1H\"", "\"P99999999999Y\"", "\"99:99\"",
      "\"\\u0000\"", "\"\\u202e\"", "\"" + "x".repeat(300) + "\"", "\"customer.loyalty.tier.x\"", "\"PROPORTIONAL\"",
      "\"FIXED\"", "\"MONTH\"", "\"CUSTOM\"", "\"PARTICULAR_MONTH\"", "\"order.paid\"", "\"customer.segment.entered\"",
      "\"products_collection\"", "\"PAID\"", "7", "-0", "2147483648", "[0, 7]", "[{}]");

  record Body(String name, String json, Consumer<String> read) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Body> bodies() {
    String tier = "{\"name\": \"Silver\", \"points\": {\"from\": 100, \"to\": 499},"
        + " \"earning_rules\": {\"ern_1\": {\"type\": \"MULTIPLY\", \"multiplier\": 1.5}},"
        + " \"rewards\": {\"rewa_1\": {\"type\": \"CUSTOM\", \"points\": 80}}}";
    String order = "{\"source_id\": \"ord_1\", \"status\": \"PAID\", \"customer\": {\"source_id\": \"c\", \"metadata\": {\"a\": 1}},"
        + " \"discount_amount\": 100, \"items\": [{\"product_id\": \"p\", \"sku_id\": \"s\", \"quantity\": 2, \"price\": 500,"
        + " \"applied_discount_amount\": 10}]}";
    String reward = "{\"name\": \"coin\", \"type\": \"COIN\", \"parameters\": {\"coin\": {\"exchange_ratio\": 20, \"points_ratio\": 100}}, \"stock\": 5}";
    return List.of(
        new Body("001 campaign", seed("001-campaign-create.json"), b -> WIRE.readProgram(b, ProgramId.of("camp_1"))),
        new Body("001 campaign response", seed("001-campaign-response.json"), WIRE::readProgram),
        new Body("003 earning rules", seed("003-earning-rules-create.json"),
            b -> WIRE.readEarningRules(b, () -> RuleId.of("ern_1"))),
        new Body("000 custom event", seed("000-custom-event.json"),
            b -> WIRE.readCustomEvent(b, EventId.of("evcus_1"), NOW)),
        new Body("000 reward", seed("000-reward-create.json"), b -> WIRE.readReward(b, RewardId.of("rew_1"))),
        new Body("coin reward", reward, b -> WIRE.readReward(b, RewardId.of("rew_1"))),
        new Body("000 assignments", seed("000-reward-assignments-create.json"),
            b -> WIRE.readRewardAssignments(b, () -> AssignmentId.of("rewa_1"))),
        new Body("tier", tier, b -> WIRE.readTier(b, TierId.of("ltr_1"))),
        new Body("paid order", order, b -> WIRE.readOrderPaid(b, NOW)),
        new Body("000 redeem", seed("000-redeem-request.json"),
            b -> WIRE.readRedeemRequest(b, RedemptionId.of("r_1"), CardCode.of("C1"), REDEEMING)),
        new Body("002 member", seed("002-member-response.json"), WIRE::readCard));
  }

  /** Every place in a tree: objects and arrays, with the path to them. */
  private static void places(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> places(child, out));
    }
  }

  private static String mutate(String json, int where, int what, int value) {
    try {
      JsonNode root = TREE.readTree(json);
      List<JsonNode> containers = new ArrayList<>();
      places(root, containers);
      JsonNode target = containers.get(where % containers.size());
      JsonNode replacement = TREE.readTree(VALUES.get(value % VALUES.size()));
      if (target instanceof ObjectNode o && o.size() > 0) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(what % names.size());
        switch (what % 3) {
          case 0 -> o.set(name, replacement);
          case 1 -> o.remove(name);
          default -> o.set(name + "_x", replacement);
        }
      } else if (target instanceof ArrayNode a && a.size() > 0) {
        a.set(what % a.size(), replacement);
      } else if (target instanceof ArrayNode a) {
        a.add(replacement);
      } else {
        ((ObjectNode) target).set("extra", replacement);
      }
      return TREE.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  @DisplayName("a body changed in one place is read or refused with the wire's typed error, never anything else")
  void mutatedBodies(Body body) {
    body.read().accept(body.json()); // the body itself reads
    Gen<Integer> index = Generate.range(0, 10_000);
    qt().withFixedSeed(14_201L + body.name().hashCode()).withExamples(400).forAll(index, index, index)
        .checkAssert((where, what, value) -> {
          String mutated = mutate(body.json(), where, what, value);
          try {
            body.read().accept(mutated);
          } catch (WireInputException | MissingRewardException | NotFoundException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          } catch (RuntimeException e) {
            throw new AssertionError("reading " + mutated + " leaked " + e, e);
          }
        });
  }
}
