package io.loyalty.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.webhooks.VoucherifyEvents;
import io.loyalty.webhooks.WebhookPublisher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application as it runs: the starter's engine on embedded PostgreSQL, an order posted over HTTP, and a
 * real receiver that gets the signed {@code points_added} webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("the Spring Boot sample application")
class SampleApplicationTest {
  private static final String SECRET = "sample-s3cr3t";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Receiver receiver;

  @LocalServerPort
  private int port;

  @Autowired
  private LoyaltyStore store;

  @Autowired
  private WebhookPublisher webhooks;

  @Autowired
  private LoyaltyEngine engine;

  /** Embedded PostgreSQL as the application's {@code DataSource}: the starter builds {@code JdbcLoyaltyStore} on it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Postgres {
    /** Stopped with the context, after the store and the publisher that use it. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
      return postgres.getPostgresDatabase();
    }
  }

  @DynamicPropertySource
  static void webhookEndpoint(DynamicPropertyRegistry registry) throws IOException {
    receiver = new Receiver();
    registry.add("sample.webhook.url", () -> receiver.url().toString());
    registry.add("sample.webhook.secret", () -> SECRET);
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String order(String id, String customer, long amount) {
    return "{\"id\": \"" + id + "\", \"status\": \"PAID\", \"customer\": {\"source_id\": \"" + customer
        + "\"}, \"amount\": " + amount + "}";
  }

  /** The points_added webhooks received so far for the card, waiting for the publisher (at most ~10 s). */
  private List<Receiver.Request> pointsAddedFor(String card) throws Exception {
    for (int i = 0; i < 1_000; i++) {
      List<Receiver.Request> found = receiver.requests().stream()
          .filter(r -> r.body().contains(VoucherifyEvents.POINTS_ADDED) && r.body().contains(card)).toList();
      if (!found.isEmpty()) {
        return found;
      }
      webhooks.runOnce("crm"); // the started publisher may have sent it already; this only hurries it
      Thread.sleep(10);
    }
    return List.of();
  }

  private static String hmacSha256Hex(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void runs_the_engine_on_the_postgresql_data_source() {
    assertThat(store).isInstanceOf(JdbcLoyaltyStore.class);
  }

  @Test
  void an_order_posted_over_http_earns_points_and_the_receiver_gets_a_points_added_webhook_it_can_verify()
      throws Exception {
    HttpResponse<String> response = post(order("ord_1", "cust_alice", 2_500));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = MAPPER.readTree(response.body());
    assertThat(answer.path("order_id").asText()).isEqualTo("ord_1");
    assertThat(answer.path("points").asLong()).isEqualTo(25);
    assertThat(answer.path("balance").asLong()).isEqualTo(25);

    List<Receiver.Request> hooks = pointsAddedFor(answer.path("card").asText());
    assertThat(hooks).as("received: %s", receiver.requests()).hasSize(1);
    Receiver.Request hook = hooks.get(0);
    assertThat(hook.signature()).as("X-Voucherify-Signature: the HMAC-SHA256 of the body under the endpoint's secret")
        .isEqualTo(hmacSha256Hex(SECRET, hook.body()))
        .isNotEqualTo(hmacSha256Hex("another secret", hook.body()));
    JsonNode event = MAPPER.readTree(hook.body());
    assertThat(event.path("type").asText()).isEqualTo(VoucherifyEvents.POINTS_ADDED);
    assertThat(event.path("project_id").asText()).isEqualTo("proj_shop");
    assertThat(event.at("/data/transaction/type").asText()).isEqualTo("POINTS_ACCRUAL");
    assertThat(event.at("/data/balance/points").asLong()).isEqualTo(25);
  }

  @Test
  void an_order_posted_again_earns_nothing_and_answers_voucherifys_409() throws Exception {
    JsonNode first = MAPPER.readTree(post(order("ord_2", "cust_bob", 1_000)).body());
    HttpResponse<String> again = post(order("ord_2", "cust_bob", 1_000));

    assertThat(first.path("points").asLong()).isEqualTo(10);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(MAPPER.readTree(again.body()).path("details").asText()).startsWith("event_id_reused");
    assertThat(engine.balance(CardCode.of(first.path("card").asText()))).isEqualTo(10);
  }

  @Test
  void an_unreadable_order_answers_voucherifys_error_object_with_400() throws Exception {
    HttpResponse<String> response = post("{\"id\": \"ord_3\", \"status\": \"PAID\", \"amount\": 100.5}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.path("code").asInt()).isEqualTo(400);
    assertThat(error.path("key").asText()).isNotBlank();
  }
}
