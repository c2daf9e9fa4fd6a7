package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulated clock over HTTP: pending points activate when the clock passes their day; off, the endpoints are 404. */
class TestClockTest {
  @Test
  @DisplayName("points pending for 2 days activate over HTTP once the test clock is moved past them, and not before")
  void pendingPointsActivate() {
    try (Http http = Http.start(Instant.parse("2024-01-10T12:00:00Z"))) {
      String c = http.post("/v1/loyalties", "{\"name\": \"clock\"}").at("/id").asText();
      assertThat(http.post("/v1/loyalties/" + c + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": "
          + "{\"points\": 40}, \"pending_points\": {\"period_type\": \"DAY\", \"period_value\": 2}}]").status())
          .isEqualTo(200);
      String code = http.post("/v1/loyalties/" + c + "/members", "{\"customer\": {\"source_id\": \"carol\"}}")
          .at("/code").asText();
      assertThat(http.post("/v1/orders", "{\"id\": \"ord_clock\", \"status\": \"PAID\", \"amount\": 100, "
          + "\"customer\": {\"source_id\": \"carol\"}}").status()).isEqualTo(200);

      var pending = http.get("/v1/loyalties/members/" + code + "/pending-points");
      assertThat(pending.at("/data/0/points").asLong()).isEqualTo(40);
      assertThat(pending.at("/data/0/activates_at").asText()).isEqualTo("2024-01-12");
      assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();

      assertThat(http.post("/v1/test-clock", "{\"now\": \"2024-01-11T23:59:59Z\"}").at("/now").asText())
          .isEqualTo("2024-01-11T23:59:59.000Z");
      assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();

      http.post("/v1/test-clock", "{\"now\": \"2024-01-12T00:00:00Z\"}");
      var card = http.get("/v1/loyalties/members/" + code);
      assertThat(card.at("/loyalty_card/balance").asLong()).isEqualTo(40);
      assertThat(card.at("/loyalty_card/pending_points").asLong()).isZero();
      assertThat(http.get("/v1/loyalties/members/" + code + "/pending-points").at("/data").size()).isZero();
      assertThat(http.get("/v1/test-clock").at("/now").asText()).isEqualTo("2024-01-12T00:00:00.000Z");
    }
  }

  @Test
  @DisplayName("the test clock never moves back: 400 naming now, and the clock stays")
  void neverBack() {
    try (Http http = Http.start(Instant.parse("2024-01-10T12:00:00Z"))) {
      var back = http.post("/v1/test-clock", "{\"now\": \"2024-01-09T00:00:00Z\"}");
      assertThat(back.status()).isEqualTo(400);
      assertThat(back.at("/details").asText()).contains("now");
      assertThat(http.get("/v1/test-clock").at("/now").asText()).isEqualTo("2024-01-10T12:00:00.000Z");
    }
  }

  @Test
  @DisplayName("a paid order saved twice earns once; an order saved CREATED earns nothing until it is PAID")
  void ordersFireOnce() {
    try (Http http = Http.start(Instant.parse("2024-01-10T12:00:00Z"))) {
      String c = http.post("/v1/loyalties", "{\"name\": \"orders\"}").at("/id").asText();
      http.post("/v1/loyalties/" + c + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 7}}]");
      String code = http.post("/v1/loyalties/" + c + "/members", "{\"customer\": \"dave\"}").at("/code").asText();
      var created = http.post("/v1/orders", "{\"source_id\": \"o-1\", \"status\": \"CREATED\", \"amount\": 100, "
          + "\"customer\": {\"source_id\": \"dave\"}}");
      assertThat(created.status()).isEqualTo(200);
      assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isZero();

      String id = created.at("/id").asText();
      assertThat(http.put("/v1/orders/" + id, "{\"status\": \"PAID\"}").status()).isEqualTo(200);
      assertThat(http.put("/v1/orders/" + id, "{\"status\": \"PAID\", \"amount\": 200}").status()).isEqualTo(200);
      assertThat(http.post("/v1/orders", "{\"source_id\": \"o-1\", \"status\": \"PAID\", \"amount\": 100, "
          + "\"customer\": {\"source_id\": \"dave\"}}").status()).isEqualTo(200);
      assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(7);
    }
  }

  @Test
  @DisplayName("with the clock off (the default), the test-clock endpoints are 404")
  void offByDefault() {
    try (Http http = Http.start(LoyaltyServer.Config.builder().port(0).keys(Http.APP_ID, Http.APP_TOKEN).build())) {
      assertThat(http.get("/v1/test-clock").status()).isEqualTo(404);
      assertThat(http.post("/v1/test-clock", "{\"now\": \"2999-01-01T00:00:00Z\"}").status()).isEqualTo(404);
    }
  }
}
