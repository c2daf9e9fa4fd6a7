package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Configuration from environment variables and flags: defaults, overrides, and refusals that name the variable. */
class ConfigTest {
  @Test
  @DisplayName("with nothing set: port 8080, random keys, in memory, UTC, the system clock")
  void defaults() {
    var config = LoyaltyServer.Config.from(Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.appId()).isNull();
    assertThat(config.jdbcUrl()).isNull();
    assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.testClock()).isNull();
  }

  @Test
  @DisplayName("a flag overrides its environment variable, in both --name=value and --name value forms")
  void flagsOverride() {
    var config = LoyaltyServer.Config.from(Map.of("LOYALTY_PORT", "9000", "LOYALTY_TIME_ZONE", "UTC"),
        "--port=9001", "--time-zone", "Europe/Warsaw", "--test-clock", "2024-05-01T00:00:00Z", "--app-id", "a",
        "--app-token", "t");
    assertThat(config.port()).isEqualTo(9001);
    assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
    assertThat(config.testClock()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(config.appId()).isEqualTo("a");
  }

  @Test
  @DisplayName("bad values and unknown flags are refused naming the variable; one key without the other is refused")
  void refusals() {
    assertThatThrownBy(() -> LoyaltyServer.Config.from(Map.of("LOYALTY_PORT", "eighty"))).hasMessageContaining("LOYALTY_PORT");
    assertThatThrownBy(() -> LoyaltyServer.Config.from(Map.of("LOYALTY_TIME_ZONE", "Mars/Olympus")))
        .hasMessageContaining("LOYALTY_TIME_ZONE");
    assertThatThrownBy(() -> LoyaltyServer.Config.from(Map.of("LOYALTY_TEST_CLOCK", "yesterday")))
        .hasMessageContaining("LOYALTY_TEST_CLOCK");
    assertThatThrownBy(() -> LoyaltyServer.Config.from(Map.of(), "--prot", "1")).hasMessageContaining("--prot");
    assertThatThrownBy(() -> LoyaltyServer.Config.from(Map.of("LOYALTY_APP_ID", "only-id")))
        .hasMessageContaining("LOYALTY_APP_TOKEN");
  }

  @Test
  @DisplayName("without keys the server makes a random pair, and answers 401 to any other")
  void randomKeys() {
    try (Http http = Http.start(LoyaltyServer.Config.builder().port(0).build())) {
      assertThat(http.server.appId()).startsWith("app_");
      assertThat(http.server.appToken()).hasSizeGreaterThan(20);
      assertThat(http.get("/v1/loyalties").status()).isEqualTo(401);
      assertThat(http.send("GET", "/v1/loyalties", null, http.server.appId(), http.server.appToken()).status())
          .isEqualTo(200);
    }
  }
}
