package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The v1 loyalty endpoints beyond the SDK's: rules, members, transfers, rewards, tiers, customers, segments. */
class LoyaltyEndpointsTest {
  private static Http http;

  @BeforeAll
  static void start() {
    http = Http.start(Instant.parse("2024-06-01T08:00:00Z"));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static String campaign(String name) {
    var a = http.post("/v1/loyalties", "{\"name\": \"" + name + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.at("/id").asText();
  }

  private static String member(String c, String customer) {
    var a = http.post("/v1/loyalties/" + c + "/members", "{\"customer\": {\"source_id\": \"" + customer + "\"}}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.at("/code").asText();
  }

  @Test
  @DisplayName("a campaign is read by id or by name, updated partially, and listed as campaigns")
  void campaigns() {
    String c = campaign("Named Program");
    assertThat(http.get("/v1/loyalties/Named%20Program").at("/id").asText()).isEqualTo(c);
    var updated = http.put("/v1/loyalties/" + c, "{\"auto_join\": true, \"metadata\": {\"region\": \"EU\"}}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.at("/auto_join").asBoolean()).isTrue();
    assertThat(updated.at("/name").asText()).isEqualTo("Named Program");
    assertThat(http.get("/v1/loyalties").at("/data_ref").asText()).isEqualTo("campaigns");
  }

  @Test
  @DisplayName("a second campaign of the same name is 409, and is not stored")
  void duplicateName() {
    campaign("Only Once");
    var again = http.post("/v1/loyalties", "{\"name\": \"Only Once\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.at("/key").asText()).isEqualTo("duplicate_found");
    long count = 0;
    for (var c : http.get("/v1/loyalties?limit=100").at("/campaigns")) {
      count += c.get("name").asText().equals("Only Once") ? 1 : 0;
    }
    assertThat(count).isEqualTo(1);
  }

  @Test
  @DisplayName("a points estimation quotes the campaign's order.paid rules for an inline or a stored order, writing nothing")
  void qualifications() {
    String c = campaign("Estimates");
    http.post("/v1/loyalties/" + c + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": {\"type\": "
        + "\"PROPORTIONAL\", \"calculation_type\": \"ORDER_AMOUNT\", \"order\": {\"amount\": {\"every\": 100, "
        + "\"points\": 2}}}}]");
    String code = member(c, "kim");
    var inline = http.post("/v1/loyalties/" + c + "/qualifications", "{\"customer\": {\"source_id\": \"kim\"}, "
        + "\"order\": {\"amount\": 12345}}");
    assertThat(inline.status()).as(inline.body()).isEqualTo(200);
    assertThat(inline.at("/points_estimation").asLong()).isEqualTo(246);
    assertThat(inline.at("/campaign/id").asText()).isEqualTo(c);
    http.post("/v1/orders", "{\"source_id\": \"kim-1\", \"status\": \"CREATED\", \"amount\": 1000, "
        + "\"customer\": {\"source_id\": \"kim\"}}");
    var stored = http.post("/v1/loyalties/" + c + "/qualifications", "{\"customer\": {\"source_id\": \"kim\"}, "
        + "\"order\": {\"source_id\": \"kim-1\"}}");
    assertThat(stored.at("/points_estimation").asLong()).isEqualTo(20);
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();
    var stranger = http.post("/v1/loyalties/" + c + "/qualifications", "{\"customer\": {\"source_id\": \"lee\"}, "
        + "\"order\": {\"amount\": 100}}");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.at("/key").asText()).isEqualTo("campaign_not_allow_auto_join");
  }

  @Test
  @DisplayName("an earning rule is read, updated, disabled (earns nothing), enabled, and deleted")
  void earningRules() {
    String c = campaign("Rules");
    String e = http.post("/v1/loyalties/" + c + "/earning-rules",
        "[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 3}}]").at("/0/id").asText();
    String code = member(c, "rules-fan");
    assertThat(http.put("/v1/loyalties/" + c + "/earning-rules/" + e, "{\"loyalty\": {\"points\": 4}}")
        .at("/loyalty/points").asLong()).isEqualTo(4);
    assertThat(http.post("/v1/loyalties/" + c + "/earning-rules/" + e + "/disable", null).at("/active").asBoolean())
        .isFalse();
    http.post("/v1/orders", "{\"id\": \"ord_r1\", \"status\": \"PAID\", \"amount\": 100, \"customer\": "
        + "{\"source_id\": \"rules-fan\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();
    assertThat(http.post("/v1/loyalties/" + c + "/earning-rules/" + e + "/enable", null).at("/active").asBoolean())
        .isTrue();
    http.post("/v1/orders", "{\"id\": \"ord_r2\", \"status\": \"PAID\", \"amount\": 100, \"customer\": "
        + "{\"source_id\": \"rules-fan\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(4);
    assertThat(http.get("/v1/loyalties/" + c + "/earning-rules/" + e).at("/id").asText()).isEqualTo(e);
    assertThat(http.delete("/v1/loyalties/" + c + "/earning-rules/" + e).status()).isEqualTo(204);
    assertThat(http.get("/v1/loyalties/" + c + "/earning-rules").at("/total").asLong()).isZero();
  }

  @Test
  @DisplayName("removing more points than the balance is refused and writes nothing; a transfer moves points between cards")
  void balanceAndTransfers() {
    String c = campaign("Points");
    String from = member(c, "giver");
    String to = member(c, "taker");
    http.post("/v1/loyalties/" + c + "/members/" + from + "/balance", "{\"points\": 50}");
    var tooMuch = http.post("/v1/loyalties/" + c + "/members/" + from + "/balance", "{\"points\": -51}");
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.at("/key").asText()).isEqualTo("loyalty_card_points_exceeded");
    assertThat(http.get("/v1/loyalties/members/" + from).at("/loyalty_card/balance").asLong()).isEqualTo(50);

    var moved = http.post("/v1/loyalties/" + c + "/members/" + to + "/transfers",
        "[{\"code\": \"" + from + "\", \"points\": 20, \"source_id\": \"tr-1\", \"reason\": \"share\"}]");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.at("/code").asText()).isEqualTo(to);
    assertThat(moved.at("/loyalty_card/balance").asLong()).isEqualTo(20);
    var tooMany = http.post("/v1/loyalties/" + c + "/members/" + to + "/transfers",
        "[{\"code\": \"" + from + "\", \"points\": 20, \"source_id\": \"tr-2\"}, {\"code\": \"" + from
        + "\", \"points\": 20, \"source_id\": \"tr-3\"}]");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.at("/details").asText()).contains("[1].points");
    assertThat(http.get("/v1/loyalties/members/" + to).at("/loyalty_card/balance").asLong()).isEqualTo(20);
    assertThat(http.get("/v1/loyalties/members/" + from).at("/loyalty_card/balance").asLong()).isEqualTo(30);
    var transactions = http.get("/v1/loyalties/" + c + "/members/" + from + "/transactions");
    assertThat(transactions.at("/data/1/type").asText()).isEqualTo("POINTS_TRANSFER_OUT");
    assertThat(http.get("/v1/loyalties/" + c + "/members/" + to + "/points-expiration").at("/total").asLong())
        .isEqualTo(1);
    assertThat(http.get("/v1/loyalties/" + c + "/members").at("/data_ref").asText()).isEqualTo("vouchers");
    var campaignWide = http.get("/v1/loyalties/" + c + "/transactions");
    assertThat(campaignWide.at("/data").size()).isEqualTo(3);
    java.util.List<String> types = new java.util.ArrayList<>();
    campaignWide.at("/data").forEach(t -> types.add(t.get("type").asText()));
    assertThat(types).containsExactlyInAnyOrder("POINTS_ADDITION", "POINTS_TRANSFER_OUT", "POINTS_TRANSFER_IN");
    assertThat(http.get("/v1/loyalties/" + c + "/members").at("/total").asLong()).isEqualTo(2);
  }

  @Test
  @DisplayName("a member's rewards list marks affordability; affordable_only keeps the ones the balance covers")
  void memberRewards() {
    String c = campaign("Rewards");
    String code = member(c, "shopper");
    http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 40}");
    String cheap = http.post("/v1/rewards", "{\"name\": \"Pen\", \"type\": \"MATERIAL\", \"parameters\": "
        + "{\"product\": {\"id\": \"prod_pen\"}}}").at("/id").asText();
    String dear = http.post("/v1/rewards", "{\"name\": \"Bike\", \"type\": \"MATERIAL\", \"parameters\": "
        + "{\"product\": {\"id\": \"prod_bike\"}}}").at("/id").asText();
    http.post("/v1/loyalties/" + c + "/rewards", "[{\"reward\": \"" + cheap + "\", \"parameters\": {\"loyalty\": "
        + "{\"points\": 30}}}, {\"reward\": \"" + dear + "\", \"parameters\": {\"loyalty\": {\"points\": 3000}}}]");
    assertThat(http.get("/v1/loyalties/" + c + "/rewards").at("/total").asLong()).isEqualTo(2);
    assertThat(http.get("/v1/loyalties/members/" + code + "/rewards").at("/total").asLong()).isEqualTo(2);
    var affordable = http.get("/v1/loyalties/members/" + code + "/rewards?affordable_only=true");
    assertThat(affordable.at("/total").asLong()).isEqualTo(1);
    assertThat(affordable.at("/data/0/reward/id").asText()).isEqualTo(cheap);
    assertThat(affordable.at("/data/0/object").asText()).isEqualTo("loyalty_reward");
    assertThat(http.get("/v1/loyalties/members/" + code + "/rewards?affordable_only=maybe").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("tiers are created as an array and listed; a member's tier follows its balance")
  void tiers() {
    String c = campaign("Tiers");
    var created = http.post("/v1/loyalties/" + c + "/tiers", "[{\"name\": \"Silver\", \"points\": {\"from\": 0, "
        + "\"to\": 99}}, {\"name\": \"Gold\", \"points\": {\"from\": 100}}]");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().size()).isEqualTo(2);
    String code = member(c, "climber");
    http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 150}");
    assertThat(http.get("/v1/loyalties/" + c + "/tiers").at("/total").asLong()).isEqualTo(2);
    assertThat(http.get("/v1/loyalties/" + c + "/tiers/" + created.at("/1/id").asText()).at("/name").asText())
        .isEqualTo("Gold");
    assertThat(http.get("/v1/loyalties/members/" + code + "/tiers").at("/data/0/name").asText()).isEqualTo("Gold");
  }

  @Test
  @DisplayName("a customer is created, read by its cust_ id and by its source id, and updated; orders may name it by id")
  void customers() {
    var created = http.post("/v1/customers", "{\"source_id\": \"frank\", \"name\": \"Frank\", \"metadata\": "
        + "{\"vip\": true}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.at("/id").asText();
    assertThat(id).startsWith("cust_");
    assertThat(http.get("/v1/customers/" + id).at("/source_id").asText()).isEqualTo("frank");
    assertThat(http.get("/v1/customers/frank").at("/id").asText()).isEqualTo(id);
    assertThat(http.put("/v1/customers/" + id, "{\"name\": \"Frank B.\"}").at("/name").asText()).isEqualTo("Frank B.");

    String c = campaign("Customers");
    http.post("/v1/loyalties/" + c + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 9}}]");
    String code = member(c, "frank");
    http.post("/v1/orders", "{\"id\": \"ord_f\", \"status\": \"PAID\", \"amount\": 100, \"customer\": {\"id\": \""
        + id + "\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(9);
    assertThat(http.get("/v1/customers/cust_unknown").status()).isEqualTo(404);
    // a new member's customer is created by the server, as Voucherify does; a refused member creates none
    member(c, "henry");
    assertThat(http.get("/v1/customers/henry").at("/id").asText()).startsWith("cust_");
    assertThat(http.post("/v1/loyalties/" + c + "/members", "{\"customer\": \"ivy\", \"voucher\": \"NOPE\"}")
        .status()).isEqualTo(404);
    var unknown = http.get("/v1/customers/ivy@example.com");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("ivy");
    assertThat(http.get("/v1/customers/ivy").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("an earning rule naming a validation rule earns only on the orders the rule accepts")
  void validationRules() {
    var val = http.post("/v1/validation-rules", "{\"name\": \"Big or VIP\", \"error\": {\"message\": \"no\"}, "
        + "\"rules\": {\"1\": {\"name\": \"order.amount\", \"conditions\": {\"$more_than_or_equal\": [5000]}}, "
        + "\"2\": {\"name\": \"customer.metadata\", \"property\": \"vip\", \"conditions\": {\"$is\": [true]}}, "
        + "\"logic\": \"1 or 2\"}}");
    assertThat(val.status()).as(val.body()).isEqualTo(200);
    assertThat(http.get("/v1/validation-rules/" + val.at("/id").asText()).at("/name").asText()).isEqualTo("Big or VIP");
    String c = campaign("Validated");
    assertThat(http.post("/v1/loyalties/" + c + "/earning-rules", "[{\"event\": \"order.paid\", \"validation_rule_id\": \""
        + val.at("/id").asText() + "\", \"loyalty\": {\"points\": 50}}]").status()).isEqualTo(200);
    String code = member(c, "jo");
    http.post("/v1/orders", "{\"id\": \"ord_v1\", \"status\": \"PAID\", \"amount\": 4999, \"customer\": {\"source_id\": \"jo\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();
    http.post("/v1/orders", "{\"id\": \"ord_v2\", \"status\": \"PAID\", \"amount\": 5000, \"customer\": {\"source_id\": \"jo\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(50);
    http.put("/v1/customers/jo", "{\"metadata\": {\"vip\": true}}");
    http.post("/v1/orders", "{\"id\": \"ord_v3\", \"status\": \"PAID\", \"amount\": 10, \"customer\": {\"source_id\": \"jo\"}}");
    assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(100);

    var unsupported = http.post("/v1/validation-rules", "{\"name\": \"x\", \"rules\": {\"1\": {\"name\": "
        + "\"redemption.count.daily\", \"conditions\": {\"$less_than\": [2]}}}}");
    assertThat(unsupported.status()).isEqualTo(400);
    assertThat(unsupported.at("/details").asText()).contains("rules.1.name");
  }

  @Test
  @DisplayName("a static segment is stored and read back; a segment of another type is refused")
  void segments() {
    var seg = http.post("/v1/segments", "{\"name\": \"vips\", \"type\": \"static\", \"customers\": [\"gina\"]}");
    assertThat(seg.status()).as(seg.body()).isEqualTo(200);
    assertThat(http.get("/v1/segments/" + seg.at("/id").asText()).at("/name").asText()).isEqualTo("vips");
    assertThat(http.post("/v1/segments", "{\"name\": \"auto\", \"type\": \"auto-update\"}").status()).isEqualTo(400);
  }
}
