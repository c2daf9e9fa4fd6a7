package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherify.client.ApiVersion;
import io.voucherify.client.VoucherifyClient;
import io.voucherify.client.error.VoucherifyError;
import io.voucherify.client.model.campaign.CampaignType;
import io.voucherify.client.model.campaign.CreateCampaign;
import io.voucherify.client.model.campaign.response.CampaignResponse;
import io.voucherify.client.model.customer.Customer;
import io.voucherify.client.model.loyalties.AddBalance;
import io.voucherify.client.model.loyalties.AddMember;
import io.voucherify.client.model.loyalties.RedeemReward;
import io.voucherify.client.model.loyalties.Reward;
import io.voucherify.client.model.loyalties.response.AddBalanceResponse;
import io.voucherify.client.model.redemption.RedemptionStatus;
import io.voucherify.client.model.redemption.response.RedeemVoucherResponse;
import io.voucherify.client.model.rewards.CreateReward;
import io.voucherify.client.model.rewards.CreateRewardAssignment;
import io.voucherify.client.model.rewards.response.RewardAssignmentResponse;
import io.voucherify.client.model.rewards.response.RewardResponse;
import io.voucherify.client.model.voucher.Voucher;
import io.voucherify.client.model.voucher.VoucherType;
import io.voucherify.client.model.voucher.response.VoucherResponse;
import io.voucherify.client.model.voucher.response.VouchersResponse;
import io.voucherify.client.model.loyalties.MembersFilter;
import io.voucherify.client.model.loyalties.EarningRulesFilter;
import io.voucherify.client.model.loyalties.response.ListEarningRulesResponse;
import io.voucherify.client.model.rewards.RewardsAssignmentsFilter;
import io.voucherify.client.model.rewards.response.ListRewardAssignmentsResponse;
import io.voucherify.client.model.campaign.CampaignsFilter;
import io.voucherify.client.model.campaign.response.CampaignsResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Voucherify's own Java client (SDK 8.0.0) drives the server over HTTP: a campaign, its earning rule, a member, a
 * balance top-up, a reward and its assignment, a redemption, and the member read back, each answer read by the SDK's
 * own models. SDK 8 reads one earning rule where Voucherify (and this server) answer the created rules as an array,
 * so that one step is plain HTTP.
 */
class SdkEndToEndTest {
  private static Http http;
  private static VoucherifyClient sdk;

  @BeforeAll
  static void start() {
    http = Http.start(Instant.parse("2024-03-01T10:00:00Z"));
    sdk = new VoucherifyClient.Builder().setAppId(Http.APP_ID).setClientSecretKey(Http.APP_TOKEN)
        .setEndpoint("localhost:" + http.server.port()).withoutSSL().build();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  @DisplayName("the SDK creates a campaign, adds a member, tops up, assigns a reward, redeems it and reads the member back")
  void sdkDrivesALoyaltyProgram() {
    CampaignResponse campaign = sdk.loyalties().create(CreateCampaign.builder().name("SDK Loyalty")
        .type(CampaignType.AUTO_UPDATE).voucher(Voucher.builder().type(VoucherType.LOYALTY_CARD).build()).build());
    assertThat(campaign.getId()).startsWith("camp_");
    assertThat(campaign.getName()).isEqualTo("SDK Loyalty");
    assertThat(campaign.getType()).isEqualTo(CampaignType.AUTO_UPDATE);

    var rules = http.post("/v1/loyalties/" + campaign.getId() + "/earning-rules",
        "[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 10}}]");
    assertThat(rules.status()).isEqualTo(200);
    assertThat(rules.at("/0/id").asText()).startsWith("ern_");

    VoucherResponse member = sdk.loyalties().addMember(campaign.getId(), AddMember.builder()
        .customer(Customer.builder().sourceId("sdk-alice").name("Alice").build()).build());
    assertThat(member.getType()).isEqualTo(VoucherType.LOYALTY_CARD);
    assertThat(member.getCampaign()).isEqualTo("SDK Loyalty");
    String code = member.getCode();

    AddBalanceResponse balance = sdk.loyalties().addLoyaltyCardBalance(campaign.getId(), code,
        AddBalance.builder().points(100).build());
    assertThat(balance.getPoints()).isEqualTo(100);
    assertThat(balance.getBalance()).isEqualTo(100);
    assertThat(balance.getObject()).isEqualTo("balance");

    var order = http.post("/v1/orders", "{\"source_id\": \"sdk-order-1\", \"status\": \"PAID\", \"amount\": 5000,"
        + " \"customer\": {\"source_id\": \"sdk-alice\"}}");
    assertThat(order.status()).isEqualTo(200);

    RewardResponse reward = sdk.rewards().create(CreateReward.builder().name("Mug")
        .parameters(Map.of("product", Map.of("id", "prod_mug"))).build());
    assertThat(reward.getId()).startsWith("rew_");
    RewardAssignmentResponse assignment = sdk.rewards().createAssignment(reward.getId(), CreateRewardAssignment.builder()
        .campaign(campaign.getId()).parameters(Map.of("loyalty", Map.of("points", 30))).build());
    assertThat(assignment.getId()).startsWith("rewa_");
    assertThat(assignment.getRewardId()).isEqualTo(reward.getId());
    assertThat(assignment.getRelatedObjectId()).isEqualTo(campaign.getId());

    RedeemVoucherResponse redemption = sdk.loyalties().redeemReward(campaign.getId(), code,
        RedeemReward.builder().reward(Reward.builder().id(reward.getId()).build()).build());
    assertThat(redemption.getId()).startsWith("r_");
    assertThat(redemption.getResult()).isEqualTo(RedemptionStatus.SUCCESS);
    assertThat(redemption.getReward().getId()).isEqualTo(reward.getId());
    assertThat(redemption.getVoucher().getLoyaltyCard().getBalance()).isEqualTo(100 + 10 - 30);

    VoucherResponse after = sdk.loyalties().getMember(campaign.getId(), code);
    assertThat(after.getLoyaltyCard().getPoints()).isEqualTo(110);
    assertThat(after.getLoyaltyCard().getBalance()).isEqualTo(80);
    assertThat(after.getRedemption().getRedeemedQuantity()).isEqualTo(1);
  }

  @Test
  @DisplayName("the SDK reads our error object: redeeming more than the balance is loyalty_card_points_exceeded")
  void sdkReadsOurErrors() {
    CampaignResponse campaign = sdk.loyalties().create(CreateCampaign.builder().name("SDK Errors")
        .type(CampaignType.AUTO_UPDATE).voucher(Voucher.builder().type(VoucherType.LOYALTY_CARD).build()).build());
    VoucherResponse member = sdk.loyalties().addMember(campaign.getId(), AddMember.builder()
        .customer(Customer.builder().sourceId("sdk-bob").build()).build());
    RewardResponse reward = sdk.rewards().create(CreateReward.builder().name("Bag")
        .parameters(Map.of("product", Map.of("id", "prod_bag"))).build());
    sdk.rewards().createAssignment(reward.getId(), CreateRewardAssignment.builder().campaign(campaign.getId())
        .parameters(Map.of("loyalty", Map.of("points", 500))).build());

    assertThatThrownBy(() -> sdk.loyalties().redeemReward(campaign.getId(), member.getCode(),
        RedeemReward.builder().reward(Reward.builder().id(reward.getId()).build()).build()))
        .isInstanceOfSatisfying(VoucherifyError.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getKey()).isEqualTo("loyalty_card_points_exceeded");
        });
    assertThatThrownBy(() -> sdk.loyalties().getMember(campaign.getId(), "NO-SUCH-CARD"))
        .isInstanceOfSatisfying(VoucherifyError.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  @DisplayName("the SDK pages members, earning rules, reward assignments and campaigns with limit and page")
  void sdkPagesLists() {
    // SDK 8 reads the member list's object envelope (data_ref "vouchers") with the 2018-08-01 API version; with no
    // version it expects the bare array Voucherify answered in 2017
    VoucherifyClient sdk2018 = new VoucherifyClient.Builder().setAppId(Http.APP_ID).setClientSecretKey(Http.APP_TOKEN)
        .setEndpoint("localhost:" + http.server.port()).withoutSSL().apiVersion(ApiVersion.V_2018_08_01).build();
    CampaignResponse campaign = sdk2018.loyalties().create(CreateCampaign.builder().name("SDK Paging")
        .type(CampaignType.AUTO_UPDATE).voucher(Voucher.builder().type(VoucherType.LOYALTY_CARD).build()).build());
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (int i = 0; i < 7; i++) {
      codes.add(sdk2018.loyalties().addMember(campaign.getId(), AddMember.builder()
          .customer(Customer.builder().sourceId("sdk-pager-" + i).build()).build()).getCode());
    }
    java.util.List<String> paged = new java.util.ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      VouchersResponse members = sdk2018.loyalties().listMembers(campaign.getId(),
          MembersFilter.builder().limit(3).page(page).build());
      assertThat(members.getTotal()).isEqualTo(7);
      assertThat(members.getVouchers()).hasSize(page < 3 ? 3 : 1);
      members.getVouchers().forEach(v -> paged.add(v.getCode()));
    }
    assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(codes);

    StringBuilder rules = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      rules.append(i == 0 ? "" : ",").append("{\"event\": \"order.paid\", \"loyalty\": {\"points\": ").append(i + 1)
          .append("}}");
    }
    assertThat(http.post("/v1/loyalties/" + campaign.getId() + "/earning-rules", rules.append("]").toString()).status())
        .isEqualTo(200);
    ListEarningRulesResponse last = sdk2018.loyalties().listEarningRules(campaign.getId(),
        EarningRulesFilter.builder().limit(2).page(3).build());
    assertThat(last.getTotal()).isEqualTo(5);
    assertThat(last.getData()).singleElement().satisfies(r -> assertThat(r.getLoyalty().getPoints()).isEqualTo(5));

    for (String name : java.util.List.of("Cup", "Cap")) {
      RewardResponse reward = sdk2018.rewards().create(CreateReward.builder().name(name)
          .parameters(Map.of("product", Map.of("id", "prod_" + name))).build());
      sdk2018.rewards().createAssignment(reward.getId(), CreateRewardAssignment.builder().campaign(campaign.getId())
          .parameters(Map.of("loyalty", Map.of("points", 10))).build());
    }
    ListRewardAssignmentsResponse assignments = sdk2018.loyalties().listRewardAssignments(campaign.getId(),
        RewardsAssignmentsFilter.builder().limit(1).page(2).build());
    assertThat(assignments.getTotal()).isEqualTo(2);
    assertThat(assignments.getData()).hasSize(1);

    CampaignsResponse campaigns = sdk2018.loyalties().list(CampaignsFilter.builder().limit(1).page(1).build());
    assertThat(campaigns.getCampaigns()).hasSize(1);
    assertThat(campaigns.getTotal()).isGreaterThanOrEqualTo(1);
  }
}
