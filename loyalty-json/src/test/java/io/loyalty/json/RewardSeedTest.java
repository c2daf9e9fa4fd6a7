package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rewards, reward assignments and tiers: the seeds' bodies and round trips. */
class RewardSeedTest {
  private static final ProgramId CAMPAIGN = ProgramId.of("camp_MgpTUyabvEVaGvbUKAOiSVwL");

  @Test
  @DisplayName("seed 000's reward, a campaign named by its parameters alone, is a coupon reward")
  void rewardOfSeed000() {
    Reward reward = WIRE.readReward(seed("000-reward-create.json"), RewardId.of("rew_1"));

    assertThat(reward.name()).isEqualTo("5$ discount");
    assertThat(reward.kind()).isEqualTo(RewardKind.Campaign.coupon("camp_gtNM5oQJybruzANwYv1mgHk6"));
    assertThat(reward.stock()).isNull();
  }

  @Test
  @DisplayName("seed 000's assignment body, an array, prices the reward at 15 points")
  void assignmentsOfSeed000() {
    List<RewardAssignment> assignments = WIRE.readRewardAssignments(seed("000-reward-assignments-create.json"),
        () -> AssignmentId.of("rewa_1"));

    assertThat(assignments).containsExactly(RewardAssignment.of("rewa_1", RewardId.of("rew_2yGflHThU2yJwFECEFKrXBI2"), 15));
  }

  @Test
  @DisplayName("every kind of reward written and read back is the same reward")
  void rewardsReadBack() {
    for (Reward reward : List.of(
        Reward.of("rew_c", "coupon", RewardKind.Campaign.coupon("camp_x")).withStock(10L),
        Reward.of("rew_g", "gift", RewardKind.Campaign.giftCredit("camp_g", 2_000)),
        Reward.of("rew_p", "points", RewardKind.Campaign.points(ProgramId.of("camp_other"), 500)),
        Reward.of("rew_coin", "100 = $20", new RewardKind.Coin(new BigDecimal("20"), 100)),
        Reward.of("rew_m", "mug", new RewardKind.Material(ProductId.of("prod_mug"), io.loyalty.spi.SkuId.of("sku_red"))))) {
      String written = WIRE.write(reward);
      assertThat(WIRE.readReward(written)).as(written).isEqualTo(reward);
    }
  }

  @Test
  @DisplayName("assignments, priced, auto-redeemed or paid with points, read back the same")
  void assignmentsReadBack() {
    for (RewardAssignment a : List.of(RewardAssignment.of("rewa_1", RewardId.of("rew_1"), 15),
        RewardAssignment.of("rewa_2", RewardId.of("rew_2"), 100).autoRedeemed(),
        RewardAssignment.payWithPoints("rewa_3", RewardId.of("rew_coin")))) {
      String written = WIRE.write(a, CAMPAIGN);
      assertThat(WIRE.readRewardAssignment(written)).as(written).isEqualTo(a);
      assertThat(written).contains("\"related_object_id\":\"" + CAMPAIGN.value() + "\"", "\"object\":\"reward_assignment\"");
    }
  }

  @Test
  @DisplayName("a tier with earning and reward mappings reads from Voucherify's create body and back")
  void tierReadsAndReadsBack() {
    Tier tier = WIRE.readTier("""
        {"name": "Silver", "points": {"from": 100, "to": 499},
         "earning_rules": {"ern_1": {"type": "MULTIPLY", "multiplier": 1.5}, "ern_2": {"type": "CUSTOM", "points": 7}},
         "rewards": {"rewa_1": {"type": "CUSTOM", "points": 80}}, "metadata": {"level": 2}}""", TierId.of("ltr_silver"));

    assertThat(tier).isEqualTo(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L)
        .earningRule(RuleId.of("ern_1"), TierMapping.multiply(new BigDecimal("1.5")))
        .earningRule(RuleId.of("ern_2"), TierMapping.custom(7))
        .reward(AssignmentId.of("rewa_1"), TierMapping.custom(80))
        .metadata(io.loyalty.spi.Metadata.of("level", 2))
        .build());
    String written = WIRE.write(tier, CAMPAIGN);
    assertThat(WIRE.readTier(written)).isEqualTo(tier);
    assertThat(written).contains("\"config\":{\"points\":{\"from\":100,\"to\":499}}", "\"object\":\"loyalty_tier\"");
  }

  @Test
  @DisplayName("a top tier has no upper bound: its to is absent")
  void topTier() {
    Tier top = WIRE.readTier("{\"name\": \"Gold\", \"points\": {\"from\": 1000}}", TierId.of("ltr_gold"));

    assertThat(top.to()).isNull();
    assertThat(WIRE.write(top, CAMPAIGN)).contains("\"points\":{\"from\":1000}");
  }
}
