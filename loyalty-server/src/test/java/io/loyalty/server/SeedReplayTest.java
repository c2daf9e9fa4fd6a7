package io.loyalty.server;

import static io.loyalty.server.Http.TREES;
import static io.loyalty.server.Http.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The request bodies of seeds 000 to 003, replayed verbatim over plain HTTP (ids of resources Voucherify made are
 * replaced by the ids this server made for the same resources), answered with the documented response shapes.
 */
class SeedReplayTest {
  private static Http http;

  @BeforeAll
  static void start() {
    http = Http.start(Instant.parse("2024-03-01T10:00:00Z"));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  @DisplayName("seed 000, the loyalty guide: campaign, rule, custom event, reward, assignment, member, balance, redemption")
  void loyaltyGuide() throws Exception {
    var campaign = http.post("/v1/loyalties", seed("000-campaign-create.json"));
    assertThat(campaign.status()).isEqualTo(200);
    assertThat(campaign.at("/object").asText()).isEqualTo("campaign");
    assertThat(campaign.at("/name").asText()).isEqualTo("ACME Loyalty Program");
    String c = campaign.at("/id").asText();

    var rules = http.post("/v1/loyalties/" + c + "/earning-rules", seed("000-earning-rules-create.json"));
    assertThat(rules.status()).isEqualTo(200);
    assertThat(rules.json().isArray()).isTrue();
    assertThat(rules.at("/0/object").asText()).isEqualTo("earning_rule");
    assertThat(rules.at("/0/loyalty/points").asLong()).isEqualTo(5);
    assertThat(rules.at("/0/source/banner").asText()).isEqualTo("Get 5 points for every order!");

    var schema = http.post("/v1/metadata-schemas", "{\"related_object\": \"submit_review\", \"properties\": "
        + "{\"url\": {\"type\": \"string\", \"optional\": true}, \"rank\": {\"type\": \"number\", \"optional\": true}}}");
    assertThat(schema.status()).isEqualTo(200);
    var event = http.post("/v1/events", seed("000-custom-event.json"));
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.at("/object").asText()).isEqualTo("event");
    assertThat(event.at("/type").asText()).isEqualTo("submit_review");
    assertThat(event.at("/customer/object").asText()).isEqualTo("customer");
    assertThat(event.at("/customer/id").asText()).startsWith("cust_");

    var reward = http.post("/v1/rewards", seed("000-reward-create.json"));
    assertThat(reward.status()).isEqualTo(200);
    assertThat(reward.at("/object").asText()).isEqualTo("reward");
    assertThat(reward.at("/type").asText()).isEqualTo("CAMPAIGN");
    String rewardId = reward.at("/id").asText();

    var assignment = http.post("/v1/loyalties/" + c + "/rewards",
        seed("000-reward-assignments-create.json").replace("rew_2yGflHThU2yJwFECEFKrXBI2", rewardId));
    assertThat(assignment.status()).isEqualTo(200);
    assertThat(assignment.at("/object").asText()).isEqualTo("reward_assignment");
    assertThat(assignment.at("/reward_id").asText()).isEqualTo(rewardId);
    assertThat(assignment.at("/parameters/loyalty/points").asLong()).isEqualTo(15);

    var member = http.post("/v1/loyalties/" + c + "/members", seed("000-member-create.json"));
    assertThat(member.status()).isEqualTo(200);
    assertThat(member.at("/object").asText()).isEqualTo("voucher");
    assertThat(member.at("/holder_id").asText()).isEqualTo("test-user@voucherify.io");
    assertThat(member.at("/code").asText()).startsWith("ACME-CARD-");
    assertThat(keys(member.json())).containsAll(without(keys(TREES.readTree(seed("000-member-response.json"))),
        "category", "discount", "gift", "validity_timeframe", "validity_day_of_week", "additional_info", "metadata",
        "updated_at", "expiration_date"));
    String code = member.at("/code").asText();

    var balance = http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", seed("000-balance-request.json"));
    assertThat(balance.status()).isEqualTo(200);
    assertThat(balance.at("/points").asLong()).isEqualTo(2000);
    assertThat(balance.at("/balance").asLong()).isEqualTo(2000);
    assertThat(balance.at("/object").asText()).isEqualTo("balance");
    assertThat(balance.at("/related_object/id").asText()).isEqualTo(code);

    var redemption = http.post("/v1/loyalties/" + c + "/members/" + code + "/redemption",
        seed("000-redeem-request.json").replace("rew_2yGflHThU2yJwFECEFKrXBI2", rewardId));
    assertThat(redemption.status()).isEqualTo(200);
    JsonNode documented = TREES.readTree(seed("000-redemption-response.json"));
    assertThat(keys(redemption.json())).containsAll(without(keys(documented), "tracking_id"));
    assertThat(redemption.at("/object").asText()).isEqualTo("redemption");
    assertThat(redemption.at("/result").asText()).isEqualTo(documented.get("result").asText());
    assertThat(redemption.at("/amount").asLong()).isEqualTo(15);
    assertThat(redemption.at("/metadata/locale").asText()).isEqualTo("en-GB");
    assertThat(redemption.at("/reward/id").asText()).isEqualTo(rewardId);
    assertThat(redemption.at("/voucher/loyalty_card/balance").asLong()).isEqualTo(2000 - 15);

    var rollback = http.post("/v1/redemptions/" + redemption.at("/id").asText() + "/rollback?reason=mistake", null);
    assertThat(rollback.status()).isEqualTo(200);
    assertThat(rollback.at("/object").asText()).isEqualTo("redemption_rollback");
    assertThat(rollback.at("/amount").asLong()).isEqualTo(-15);
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(2000);
    assertThat(rollback.at("/reason").asText()).isEqualTo("mistake");
    var again = http.post("/v1/redemptions/" + redemption.at("/id").asText() + "/rollback", "{\"reason\": \"twice\"}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.at("/key").asText()).isEqualTo("already_rolled_back");
  }

  @Test
  @DisplayName("seed 001's campaign body is answered with the fields of its documented response")
  void campaignReference() throws Exception {
    var campaign = http.post("/v1/loyalties", seed("001-campaign-create.json"));
    assertThat(campaign.status()).isEqualTo(200);
    JsonNode documented = TREES.readTree(seed("001-campaign-response.json"));
    for (String field : List.of("name", "campaign_type", "type", "auto_join", "join_once", "start_date",
        "expiration_date", "activity_duration_after_publishing", "active", "object")) {
      assertThat(campaign.at("/" + field)).as(field).isEqualTo(documented.get(field));
    }
    // Voucherify answered while its cards were still generating (vouchers_count 0, IN_PROGRESS); this server
    // generates them before it answers
    assertThat(campaign.at("/vouchers_count")).isEqualTo(TREES.readTree(seed("001-campaign-create.json")).get("vouchers_count"));
    assertThat(campaign.at("/voucher/loyalty_card")).isEqualTo(documented.at("/voucher/loyalty_card"));
    var read = http.get("/v1/loyalties/" + campaign.at("/id").asText());
    assertThat(read.json()).isEqualTo(campaign.json());
  }

  @Test
  @DisplayName("seed 002's add-member body naming a card this server never made is 404 not_found, and publishes nothing")
  void memberReference() {
    String c = http.post("/v1/loyalties", "{\"name\": \"seed 002\"}").at("/id").asText();
    var member = http.post("/v1/loyalties/" + c + "/members", seed("002-member-create.json"));
    assertThat(member.status()).isEqualTo(404);
    assertThat(member.at("/key").asText()).isEqualTo("not_found");
    assertThat(http.get("/v1/loyalties/" + c + "/members").at("/total").asLong()).isZero();
  }

  @Test
  @DisplayName("seed 003's fourteen rules are created with the server's validation rule, segment, collection, schema "
      + "and tier; naming a validation rule the server does not keep refuses the whole body")
  void earningRulesReference() throws Exception {
    String c = http.post("/v1/loyalties", "{\"name\": \"seed 003\"}").at("/id").asText();
    var tiers = http.post("/v1/loyalties/" + c + "/tiers", "[{\"name\": \"Gold\", \"points\": {\"from\": 100}}]");
    assertThat(tiers.status()).isEqualTo(200);
    String seg = http.post("/v1/segments", "{\"name\": \"vip\", \"type\": \"static\", \"customers\": []}").at("/id").asText();
    String pc = http.post("/v1/product-collections", "{\"type\": \"STATIC\", \"name\": \"shoes\", \"products\": "
        + "[{\"id\": \"prod_0bae32322150fd0546\", \"object\": \"product\"}]}").at("/id").asText();
    String ms = http.post("/v1/metadata-schemas", "{\"related_object\": \"page_view\", \"properties\": "
        + "{\"volume_number\": {\"type\": \"number\", \"optional\": true}}}").at("/id").asText();
    var val = http.post("/v1/validation-rules", "{\"name\": \"Big orders\", \"rules\": {\"1\": {\"name\": "
        + "\"order.amount\", \"conditions\": {\"$more_than\": [5000]}}, \"logic\": \"1\"}}");
    assertThat(val.status()).as(val.body()).isEqualTo(200);
    String body = seed("003-earning-rules-create.json").replace("seg_OlE7DmfzMI5pHyD5VAv512r1", seg)
        .replace("pc_75U0dHlr7u75BJodrW1AE3t6", pc).replace("ms_gn4Qe4xsFPf7orCArCiNVY13", ms)
        .replace("ltr_pudTGWasuIqxdiDM0go31OV1", tiers.at("/0/id").asText());

    var unknownRule = http.post("/v1/loyalties/" + c + "/earning-rules", body);
    assertThat(unknownRule.status()).isEqualTo(400);
    assertThat(unknownRule.at("/key").asText()).isEqualTo("invalid_payload");
    assertThat(unknownRule.at("/details").asText()).contains("validation_rule_id");
    assertThat(http.get("/v1/loyalties/" + c + "/earning-rules").at("/total").asLong()).isZero();

    var all = http.post("/v1/loyalties/" + c + "/earning-rules", body.replace("val_7SxpdhPeBngA", val.at("/id").asText()));
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.json().size()).isEqualTo(14);
    JsonNode documented = TREES.readTree(seed("003-earning-rules-response.json"));
    for (int i = 0; i < 14; i++) {
      assertThat(all.at("/" + i + "/event")).as("rule " + i).isEqualTo(documented.at("/" + i + "/event"));
      assertThat(all.at("/" + i + "/loyalty/type")).as("rule " + i).isEqualTo(documented.at("/" + i + "/loyalty/type"));
    }
    assertThat(http.get("/v1/loyalties/" + c + "/earning-rules").at("/total").asLong()).isEqualTo(14);
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static List<String> without(List<String> keys, String... dropped) {
    List<String> out = new ArrayList<>(keys);
    out.removeAll(List.of(dropped));
    return out;
  }
}
