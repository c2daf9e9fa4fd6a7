package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the server refuses before any route runs, and how: Voucherify's error object, the request id, nothing written. */
class GuardsTest {
  private static Http http;

  @BeforeAll
  static void start() {
    http = Http.start(LoyaltyServer.Config.builder().port(0).keys(Http.APP_ID, Http.APP_TOKEN).maxBodyBytes(2_048)
        .testClock(Instant.parse("2024-01-01T00:00:00Z")).build());
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  @DisplayName("the health endpoint answers without keys")
  void health() {
    var a = http.send("GET", "/health", null, false);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  @DisplayName("a request without keys is 401 with Voucherify's error object, and writes nothing")
  void missingKeys() {
    var a = http.send("POST", "/v1/loyalties", "{\"name\": \"no keys\"}", false);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.at("/code").asInt()).isEqualTo(401);
    assertThat(a.at("/key").asText()).isEqualTo("unauthorized");
    assertThat(a.at("/request_id").asText()).isEqualTo(a.requestId()).isNotEmpty();
    assertThat(names()).doesNotContain("no keys");
  }

  @Test
  @DisplayName("a wrong token, or a right token with the wrong id, is 401 and writes nothing")
  void wrongKeys() {
    var token = http.send("POST", "/v1/loyalties", "{\"name\": \"wrong token\"}", Http.APP_ID, "test-tokeN");
    var id = http.send("POST", "/v1/loyalties", "{\"name\": \"wrong id\"}", "other-app", Http.APP_TOKEN);
    assertThat(token.status()).isEqualTo(401);
    assertThat(id.status()).isEqualTo(401);
    assertThat(token.at("/key").asText()).isEqualTo("unauthorized");
    assertThat(names()).doesNotContain("wrong token", "wrong id");
  }

  @Test
  @DisplayName("a body over the limit is 413 as an error object, and writes nothing")
  void bodyTooLarge() {
    String body = "{\"name\": \"big\", \"description\": \"" + "x".repeat(4_000) + "\"}";
    var a = http.post("/v1/loyalties", body);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.at("/key").asText()).isEqualTo("request_entity_too_large");
    assertThat(a.at("/details").asText()).contains("2048");
    assertThat(names()).doesNotContain("big");
  }

  @Test
  @DisplayName("malformed JSON is 400 invalid_payload naming where the parser stopped, and writes nothing")
  void malformedJson() {
    var a = http.post("/v1/loyalties", "{\"name\": \"cut short\", ");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.at("/key").asText()).isEqualTo("invalid_payload");
    assertThat(a.at("/details").asText()).startsWith("malformed_json");
    assertThat(names()).doesNotContain("cut short");
  }

  @Test
  @DisplayName("an unknown field is 400 with its path, and writes nothing")
  void unknownField() {
    var a = http.post("/v1/loyalties", "{\"name\": \"typo\", \"auto_jion\": true}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.at("/details").asText()).contains("auto_jion");
    assertThat(names()).doesNotContain("typo");
  }

  @Test
  @DisplayName("an unknown path is 404 as an error object; an unknown campaign is 404 naming the resource")
  void notFound() {
    var path = http.get("/v1/no-such-thing");
    var campaign = http.get("/v1/loyalties/camp_missing");
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.at("/key").asText()).isEqualTo("not_found");
    assertThat(path.at("/request_id").asText()).isNotEmpty();
    assertThat(campaign.status()).isEqualTo(404);
    assertThat(campaign.at("/resource_type").asText()).isEqualTo("campaign");
    assertThat(campaign.at("/resource_id").asText()).isEqualTo("camp_missing");
  }

  @Test
  @DisplayName("a safe X-Request-Id is echoed, and is the error object's request_id")
  void requestIdEchoed() {
    var a = http.send("GET", "/v1/loyalties/camp_missing", null, true);
    assertThat(a.requestId()).startsWith("v-");
    var given = http.send("GET", "/health", null, false);
    assertThat(given.requestId()).isNotEqualTo(a.requestId());
  }

  private static java.util.List<String> names() {
    var list = http.get("/v1/loyalties?limit=100");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.at("/total").asInt()).as("every campaign on the one page").isLessThanOrEqualTo(100);
    java.util.List<String> out = new java.util.ArrayList<>();
    list.at("/campaigns").forEach(c -> out.add(c.get("name").asText()));
    return out;
  }
}
