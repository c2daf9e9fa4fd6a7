package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.MissingRewardException;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 000's redemption: its request read, redeemed on a real engine, and answered in the shape of its response. */
class RedemptionSeedTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2019-04-19T13:17:04Z");
  private static final RewardId REWARD = RewardId.of("rew_2yGflHThU2yJwFECEFKrXBI2");
  private static final AssignmentId ASSIGNMENT = AssignmentId.of("rewa_ilF45izuc5BS1mp6ydyivfXs");

  @Test
  @DisplayName("seed 000's redeem body names the reward; the wire finds its assignment in the program")
  void redeemBodyOfSeed000() {
    Program program = Program.builder(ProgramId.of("camp_yGEDLqgb9Es1ldwqU3K9PYv0"), "Loyalty program 1")
        .reward(new RewardAssignment(ASSIGNMENT, REWARD, 50L, false, null)).build();

    RedeemRequest request = WIRE.readRedeemRequest(seed("000-redeem-request.json"), RedemptionId.of("r_1"),
        CardCode.of("HVqWlozp"), program);

    assertThat(request.assignment()).isEqualTo(ASSIGNMENT);
    assertThat(request.points()).isNull();
    assertThat(request.order()).isNull();
    assertThat(request.metadata().get("locale")).hasToString("\"en-GB\"");
  }

  @Test
  @DisplayName("a body with no reward is Voucherify's missing_reward; a reward the program lacks is not found")
  void missingAndUnknownRewards() {
    Program program = Program.builder(ProgramId.of("camp_1"), "p").build();

    assertThatThrownBy(() -> WIRE.readRedeemRequest("{\"metadata\": {}}", RedemptionId.of("r_1"), CardCode.of("C"), program))
        .isInstanceOf(MissingRewardException.class)
        .satisfies(e -> assertThat(WIRE.error(e, null).key()).isEqualTo("missing_reward"));
    assertThatThrownBy(() -> WIRE.readRedeemRequest("{\"reward\": {\"id\": \"rew_x\"}}", RedemptionId.of("r_1"),
        CardCode.of("C"), program))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resourceId()).isEqualTo("rew_x"));
  }

  @Test
  @DisplayName("redeemed on the engine, the answer has seed 000's response values: 50 spent, 2000 points, 1950 left")
  void redemptionAnswersAsSeed000() throws Exception {
    List<String> issued = new ArrayList<>();
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .rewardFulfilment(r -> {
          issued.add(r.redemption().value());
          return "COUPON-1";
        })
        .build();
    Reward reward = engine.defineReward(WIRE.readReward(seed("000-reward-create.json"), REWARD));
    ProgramId programId = ProgramId.of("camp_yGEDLqgb9Es1ldwqU3K9PYv0");
    // a pool of one card whose pattern can only spell the seed's card code, HVqWlozp
    engine.define(WIRE.readProgram("{\"name\": \"Loyalty program 1\", \"type\": \"STATIC\", \"vouchers_count\": 1,"
        + " \"voucher\": {\"type\": \"LOYALTY_CARD\", \"code_config\": {\"pattern\": \"HVqWloz#\", \"charset\": \"p\"}}}", programId));
    Program program = engine.assignReward(programId, new RewardAssignment(ASSIGNMENT, REWARD, 50L, false, null));
    Card card = engine.enrol(programId, CustomerId.of("cust_PiguvGHitud7xXJ6vHxTCONi"));
    engine.addPoints(card.code(), 2_000, AddedPointsExpiry.programRules(), "", null);

    Redemption redemption = engine.redeem(WIRE.readRedeemRequest(seed("000-redeem-request.json"),
        RedemptionId.of("r_sLUnotINY8ML9dfuwlmWm9q9"), card.code(), program));
    JsonNode ours = TREE.readTree(WIRE.write(redemption, reward, engine.card(card.code()), engine.summary(card.code()), program));
    JsonNode theirs = TREE.readTree(seed("000-redemption-response.json"));

    assertThat(issued).containsExactly("r_sLUnotINY8ML9dfuwlmWm9q9");
    // the same instant; Voucherify writes this one without milliseconds, the wire always with them
    assertThat(Instant.parse(ours.at("/date").asText())).isEqualTo(Instant.parse(theirs.at("/date").asText()));
    for (String pointer : List.of("/id", "/object", "/customer_id", "/amount", "/reward/id", "/reward/assignment_id",
        "/metadata/locale", "/result", "/voucher/code", "/voucher/campaign", "/voucher/campaign_id", "/voucher/type",
        "/voucher/loyalty_card/points", "/voucher/loyalty_card/balance", "/voucher/redemption/quantity",
        "/voucher/redemption/redeemed_quantity", "/voucher/redemption/redeemed_points", "/voucher/active",
        "/voucher/is_referral_code", "/voucher/holder_id", "/voucher/object")) {
      assertThat(ours.at(pointer)).as(pointer).isEqualTo(theirs.at(pointer).isNull() ? ours.at(pointer) : theirs.at(pointer));
      assertThat(ours.at(pointer).isMissingNode()).as(pointer + " is written").isEqualTo(theirs.at(pointer).isNull());
    }
    assertThat(ours.at("/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(ours.at("/loyalty_card/points").asLong()).isEqualTo(50);
  }
}
