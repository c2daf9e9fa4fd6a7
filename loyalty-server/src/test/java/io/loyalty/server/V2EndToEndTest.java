package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004's v2 program over real HTTP: card definition, earning rule, program, member, a paid order, the balance. */
class V2EndToEndTest {
  private static Http http;

  @BeforeAll
  static void start() {
    http = Http.start(Instant.parse("2024-06-01T08:00:00Z"));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static String ok(Http.Answer a, String pointer) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.at(pointer).asText();
  }

  private static String cardDefinition(String name) {
    String id = ok(http.post("/v2/loyalties/card-definitions", "{\"name\": \"" + name + "\", \"type\": \"INDIVIDUAL\", "
        + "\"points_expiration\": {\"type\": \"ROLLING_EXPIRATION\", \"rolling_expiration\": {\"period\": "
        + "{\"unit\": \"MONTH\", \"value\": 12}, \"rounding\": {\"type\": \"END_OF_MONTH\"}}}}"), "/id");
    assertThat(id).matches("^lcdef_[a-f0-9]+$");
    return id;
  }

  private static String earningRule(String card) {
    var a = http.post("/v2/loyalties/earning-rules", "{\"name\": \"1 point per dollar\", \"status\": \"ACTIVE\", "
        + "\"trigger\": {\"event\": \"customer.order.paid\"}, \"earnings\": [{\"rules\": {\"logic\": \"1\", \"1\": "
        + "{\"name\": \"order.amount\", \"conditions\": {\"$more_than_or_equal\": [1000]}}}, \"effects\": [{\"type\": "
        + "\"POINTS_PROPORTIONAL\", \"points_proportional\": {\"calculation_type\": \"PRE_DISCOUNT_ORDER_AMOUNT\", "
        + "\"card_definition_id\": \"" + card + "\", \"order\": {\"amount\": {\"every\": 100, \"value\": 1}}}}]}]}");
    assertThat(a.at("/status").asText()).as(a.body()).isEqualTo("ACTIVE");
    assertThat(a.at("/earnings/0/rules/1/name").asText()).isEqualTo("order.amount");
    return ok(a, "/id");
  }

  /** Seed 004's create body in its older reward shape (costs and a plain stock on the assignment), ids filled in. */
  private static String seedProgram(String card, String rule, String reward) {
    return "{\"name\": \"Seed 004\", \"start_date\": \"2024-01-01T00:00:00Z\", \"end_date\": \"2030-01-01T00:00:00Z\", "
        + "\"metadata\": {}, \"card_definitions\": [{\"id\": \"" + card + "\"}], \"earning_rules\": [{\"id\": \""
        + rule + "\"}], \"rewards\": [{\"id\": \"" + reward + "\", \"costs\": [{\"spending\": [{\"points\": 100, "
        + "\"card_definition_id\": \"" + card + "\"}]}], \"stock\": 5}]}";
  }

  @Test
  @DisplayName("seed 004: a program from parts takes a member, who earns on a paid order into the card definition's card and buys the reward")
  void seed004() {
    String customer = ok(http.post("/v1/customers", "{\"source_id\": \"v2-alice\"}"), "/id");
    String card = cardDefinition("Main points");
    assertThat(ok(http.post("/v2/loyalties/card-definitions/" + card + "/activate", ""), "/status")).isEqualTo("ACTIVE");
    String rule = earningRule(card);
    String reward = ok(http.post("/v1/rewards", "{\"name\": \"Mug\", \"type\": \"MATERIAL\", \"parameters\": "
        + "{\"product\": {\"id\": \"prod_mug\"}}}"), "/id");

    var created = http.post("/v2/loyalties/programs", seedProgram(card, rule, reward));
    String program = ok(created, "/id");
    assertThat(program).matches("^lprg_[a-f0-9]+$");
    assertThat(created.at("/object").asText()).isEqualTo("program");
    assertThat(created.at("/status").asText()).isEqualTo("DRAFT");
    assertThat(created.at("/card_definitions/0/id").asText()).isEqualTo(card);
    assertThat(created.at("/earning_rules/0/id").asText()).isEqualTo(rule);
    assertThat(created.at("/rewards/0/id").asText()).isEqualTo(reward);
    assertThat(created.at("/rewards/0/stock/limited/quantity").asLong()).isEqualTo(5);

    String path = "/v2/loyalties/programs/" + program;
    var early = http.post(path + "/members", "{\"customer_identification\": {\"type\": \"customer_id\", "
        + "\"customer_id\": \"" + customer + "\"}}");
    assertThat(early.status()).as(early.body()).isEqualTo(423);
    assertThat(early.at("/key").asText()).isEqualTo("non_active_program");

    assertThat(ok(http.post(path + "/activate", ""), "/status")).isEqualTo("ACTIVE");
    var member = http.post(path + "/members", "{\"customer_identification\": {\"type\": \"customer_id\", "
        + "\"customer_id\": \"" + customer + "\"}}");
    String memberId = ok(member, "/id");
    assertThat(memberId).matches("^lmbr_[a-f0-9]+$");
    assertThat(member.at("/customer_id").asText()).isEqualTo(customer);
    assertThat(member.at("/cards/0/card/card_definition_id").asText()).isEqualTo(card);
    assertThat(member.at("/cards/0/object").asText()).isEqualTo("member_card");

    var again = http.post(path + "/members", "{\"customer_identification\": {\"type\": \"customer_source_id\", "
        + "\"customer_source_id\": \"v2-alice\"}}");
    assertThat(again.status()).as(again.body()).isEqualTo(409);

    var order = http.post("/v1/orders", "{\"source_id\": \"v2-order-1\", \"status\": \"PAID\", \"amount\": 25000, "
        + "\"customer\": {\"source_id\": \"v2-alice\"}}");
    assertThat(order.status()).as(order.body()).isEqualTo(200);

    var read = http.get(path + "/members/" + memberId);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.at("/cards/0/card/balance/points").asLong()).isEqualTo(250);
    assertThat(read.at("/cards/0/card/lifetime_bucket/points/earned").asLong()).isEqualTo(250);
    assertThat(read.at("/cards/0/card/next_expiration/date").asText()).isEqualTo("2025-06-30");

    var dry = http.post(path + "/members/" + memberId + "/rewards/purchases", "{\"reward_id\": \"" + reward
        + "\", \"mode\": \"DRY_RUN\"}");
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.at("/status").asText()).isEqualTo("DRY_RUN");
    assertThat(dry.at("/transaction/status").asText()).isEqualTo("SIMULATED");
    assertThat(dry.at("/transaction/details/points/total").asLong()).isEqualTo(100);
    assertThat(dry.at("/transaction/details/rejection").isNull()).isTrue();
    assertThat(http.get(path + "/members/" + memberId).at("/cards/0/card/balance/points").asLong()).isEqualTo(250);

    var bought = http.post(path + "/members/" + memberId + "/rewards/purchases", "{\"reward_id\": \"" + reward + "\"}");
    assertThat(bought.status()).as(bought.body()).isEqualTo(200);
    assertThat(bought.at("/status").asText()).isEqualTo("TRANSACTION_CREATED");
    assertThat(bought.at("/transaction/reward_id").asText()).isEqualTo(reward);
    assertThat(bought.at("/transaction/member_id").asText()).isEqualTo(memberId);
    assertThat(http.get(path + "/members/" + memberId).at("/cards/0/card/balance/points").asLong()).isEqualTo(150);
    http.post(path + "/members/" + memberId + "/rewards/purchases", "{\"reward_id\": \"" + reward + "\"}");
    var tooFew = http.post(path + "/members/" + memberId + "/rewards/purchases", "{\"reward_id\": \"" + reward + "\"}");
    assertThat(tooFew.status()).as(tooFew.body()).isEqualTo(400);
    assertThat(tooFew.at("/key").asText()).isEqualTo("loyalty_card_points_exceeded");
    assertThat(http.get(path + "/members/" + memberId).at("/cards/0/card/balance/points").asLong()).isEqualTo(50);

    var list = http.get(path + "/members?limit=1");
    assertThat(list.at("/object").asText()).isEqualTo("list");
    assertThat(list.at("/data/0/id").asText()).isEqualTo(memberId);

    assertThat(ok(http.post(path + "/members/" + memberId + "/deactivate", ""), "/status")).isEqualTo("INACTIVE");
    assertThat(ok(http.post(path + "/members/" + memberId + "/activate", ""), "/status")).isEqualTo("ACTIVE");
  }

  @Test
  @DisplayName("a card definition's unknown field and a section the engine lacks are 400 naming the path; nothing is stored")
  void refusals() {
    int before = http.get("/v2/loyalties/card-definitions?limit=100").at("/data").size();
    var unknown = http.post("/v2/loyalties/card-definitions", "{\"name\": \"x\", \"type\": \"INDIVIDUAL\", "
        + "\"pending_points\": {\"type\": \"IMMEDIATE\", \"dayz\": 3}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.at("/details").asText()).contains("pending_points.dayz");
    var sliding = http.post("/v2/loyalties/card-definitions", "{\"name\": \"x\", \"type\": \"INDIVIDUAL\", "
        + "\"points_expiration\": {\"type\": \"SLIDING_EXPIRATION\", \"sliding_expiration\": {\"period\": "
        + "{\"unit\": \"DAY\", \"value\": 30}}}}");
    assertThat(sliding.status()).isEqualTo(400);
    assertThat(sliding.at("/details").asText()).contains("points_expiration.type");
    var enumValue = http.post("/v2/loyalties/card-definitions", "{\"name\": \"x\", \"type\": \"SHARED\"}");
    assertThat(enumValue.status()).isEqualTo(400);
    assertThat(enumValue.at("/details").asText()).contains("type");
    assertThat(http.get("/v2/loyalties/card-definitions?limit=100").at("/data").size()).isEqualTo(before);
    assertThat(http.get("/v2/loyalties/card-definitions/lcdef_0000").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a batch assigns and unassigns earning rules of a program; lists page by limit and cursor")
  void batchesAndPaging() {
    String card = cardDefinition("Batch card");
    http.post("/v2/loyalties/card-definitions/" + card + "/activate", "");
    String first = earningRule(card);
    String second = earningRule(card);
    String program = ok(http.post("/v2/loyalties/programs", "{\"name\": \"Batches\", \"card_definitions\": [{\"id\": \""
        + card + "\"}], \"earning_rules\": [{\"id\": \"" + first + "\"}]}"), "/id");
    var batch = http.post("/v2/loyalties/programs/" + program + "/earning-rules/batch", "{\"assign\": [{\"id\": \""
        + second + "\"}], \"unassign\": [{\"id\": \"" + first + "\"}]}");
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(batch.at("/assigned/0/earning_rule_id").asText()).isEqualTo(second);
    assertThat(batch.at("/unassigned/0/earning_rule_id").asText()).isEqualTo(first);
    var rules = http.get("/v2/loyalties/programs/" + program + "/earning-rules");
    assertThat(rules.at("/data").size()).isEqualTo(1);
    assertThat(rules.at("/data/0/earning_rule_id").asText()).isEqualTo(second);
    // the unassigned rule goes back to DRAFT; the assigned one cannot
    assertThat(ok(http.post("/v2/loyalties/earning-rules/" + first + "/draft", ""), "/status")).isEqualTo("DRAFT");
    assertThat(http.post("/v2/loyalties/earning-rules/" + second + "/draft", "").status()).isEqualTo(400);

    var page1 = http.get("/v2/loyalties/earning-rules?limit=1");
    String next = page1.at("/cursor/next").asText();
    assertThat(next).isEqualTo(page1.at("/data/0/id").asText());
    var page2 = http.get("/v2/loyalties/earning-rules?limit=1&cursor=" + next);
    assertThat(page2.at("/data/0/id").asText()).isNotEqualTo(next);
    assertThat(http.get("/v2/loyalties/earning-rules?limit=0").status()).isEqualTo(400);
  }
}
