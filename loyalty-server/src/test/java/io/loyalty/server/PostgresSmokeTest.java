package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server on PostgreSQL through LOYALTY_JDBC_URL (the embedded PostgreSQL the jdbc tests use): a restart keeps the cards. */
class PostgresSmokeTest {
  @Test
  @DisplayName("on LOYALTY_JDBC_URL a campaign, a member and a top-up survive a restart of the server")
  void restartKeepsTheProgram() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Map<String, String> env = Map.of("LOYALTY_JDBC_URL", pg.getJdbcUrl("postgres", "postgres"),
          "LOYALTY_APP_ID", Http.APP_ID, "LOYALTY_APP_TOKEN", Http.APP_TOKEN, "LOYALTY_TIME_ZONE", "Europe/Warsaw");
      String code;
      String c;
      try (Http http = Http.start(LoyaltyServer.Config.from(env, "--port", "0"))) {
        c = http.post("/v1/loyalties", "{\"name\": \"on postgres\", \"vouchers_count\": 3}").at("/id").asText();
        code = http.post("/v1/loyalties/" + c + "/members", "{\"customer\": \"erin\"}").at("/code").asText();
        var balance = http.post("/v1/loyalties/" + c + "/members/" + code + "/balance",
            "{\"points\": 250, \"source_id\": \"topup-1\"}");
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
      }
      try (Http http = Http.start(LoyaltyServer.Config.from(env, "--port=0"))) {
        var card = http.get("/v1/loyalties/" + c + "/members/" + code);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.at("/loyalty_card/balance").asLong()).isEqualTo(250);
        assertThat(card.at("/holder_id").asText()).isEqualTo("erin");
        assertThat(http.get("/v1/loyalties/" + c + "/members").at("/total").asLong()).isEqualTo(1);
        // the same source id again changes nothing
        http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 250, \"source_id\": \"topup-1\"}");
        assertThat(http.get("/v1/loyalties/members/" + code).at("/loyalty_card/balance").asLong()).isEqualTo(250);
      }
    }
  }
}
