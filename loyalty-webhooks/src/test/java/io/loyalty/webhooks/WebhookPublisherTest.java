package io.loyalty.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.RetryPolicy;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.Program;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("webhooks sent to a real HTTP receiver")
class WebhookPublisherTest {
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static final ProgramId PROGRAM = ProgramId.of("camp_test");
  private static final String SECRET = "s3cr3t-of-the-crm";

  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final MutableClock clock = new MutableClock(T0);
  private final VoucherifyJson json = VoucherifyJson.forProject(ZoneOffset.UTC, Currency.getInstance("EUR"));
  private final RecentDeliveries log = RecentDeliveries.keeping(100);
  private final ObjectMapper mapper = new ObjectMapper();
  private Receiver receiver;
  private LoyaltyEngine engine;
  private CardCode card;

  @BeforeEach
  void aMemberWithPointsAdded() throws IOException {
    receiver = new Receiver();
    engine = LoyaltyEngine.builder().store(store).clock(clock).build();
    engine.define(Program.builder(PROGRAM, "Test program").build());
    card = engine.enrol(PROGRAM, CustomerId.of("cust_1")).code();
    engine.addPoints(card, 5, AddedPointsExpiry.never(), "welcome", "src-1");
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private WebhookPublisher.Builder publisher(WebhookEndpoint endpoint) {
    return WebhookPublisher.builder(store, json).clock(clock).projectId("proj_test").endpoint(endpoint)
        .deliveryLog(log);
  }

  private WebhookEndpoint pointsAdded(URI url) {
    return WebhookEndpoint.of("crm", url, SECRET, VoucherifyEvents.POINTS_ADDED);
  }

  private static String hmacHex(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_subscribed_event_arrives_signed_with_the_endpoint_secret_in_voucherify_shape() throws Exception {
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).build();

    assertThat(webhooks.runOnce("crm").delivered()).isEqualTo(2);

    assertThat(receiver.requests()).hasSize(1);
    Receiver.Request request = receiver.requests().get(0);
    assertThat(request.signature()).isEqualTo(hmacHex(SECRET, request.body()));
    assertThat(request.contentType()).isEqualTo("application/json");
    JsonNode body = mapper.readTree(request.body());
    assertThat(body.path("id").asText()).startsWith("whs_");
    assertThat(body.path("project_id").asText()).isEqualTo("proj_test");
    assertThat(body.path("type").asText()).isEqualTo("customer.voucher.loyalty_card.points_added");
    assertThat(body.path("created_at").asText()).isEqualTo("2024-03-04T10:00:00.000Z");
    assertThat(body.path("event").path("object").asText()).isEqualTo("event");
    assertThat(body.path("source").path("object").asText()).isEqualTo("webhook");
    JsonNode data = body.path("data");
    assertThat(data.path("voucher").path("code").asText()).isEqualTo(card.value());
    assertThat(data.path("campaign").path("id").asText()).isEqualTo("camp_test");
    assertThat(data.path("balance").path("points").asLong()).isEqualTo(5);
    assertThat(data.path("balance").path("balance").asLong()).isEqualTo(5);
    assertThat(data.path("transaction").path("type").asText()).isEqualTo("POINTS_ADDITION");
    assertThat(store.pending("webhook.crm", Set.of(), 10)).as("both events acknowledged").isEmpty();
  }

  @Test
  void a_body_changed_on_the_way_no_longer_matches_its_signature() throws Exception {
    publisher(pointsAdded(receiver.url())).build().runOnce();
    Receiver.Request request = receiver.requests().get(0);
    assertThat(WebhookSignature.verify(SECRET, request.body(), request.signature())).isTrue();
    assertThat(WebhookSignature.verify(SECRET, request.body().replace("\"points\":5", "\"points\":500"),
        request.signature())).isFalse();
    assertThat(WebhookSignature.verify("another-secret", request.body(), request.signature())).isFalse();
  }

  @Test
  void an_endpoint_of_every_event_gets_each_voucherify_event_in_commit_order() throws Exception {
    publisher(WebhookEndpoint.of("all", receiver.url(), SECRET)).build().runOnce();
    List<String> types = receiver.requests().stream().map(r -> type(r.body())).toList();
    assertThat(types).containsExactly(VoucherifyEvents.PUBLICATION_SUCCEEDED, VoucherifyEvents.POINTS_ADDED,
        VoucherifyEvents.TRANSACTION_CREATED);
  }

  private String type(String body) {
    try {
      return mapper.readTree(body).path("type").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_slow_receiver_times_out_and_the_event_is_sent_again_with_the_same_webhook_id_after_the_backoff() {
    receiver.answer(Receiver.HOLD);
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).timeout(Duration.ofMillis(300)).build();

    var first = webhooks.runOnce("crm");
    assertThat(first.failed()).isEqualTo(1);
    assertThat(log.all()).last().satisfies(a -> {
      assertThat(a.delivered()).isFalse();
      assertThat(a.error()).isEqualTo(WebhookTimeoutException.class.getName());
      assertThat(a.status()).isZero();
    });
    assertThat(store.deadLetters("webhook.crm", 10)).isEmpty();
    receiver.release();

    assertThat(webhooks.runOnce("crm").claimed()).as("waits for its retry time").isZero();
    clock.advance(WebhookPublisher.DEFAULT_RETRY.firstDelay());
    assertThat(webhooks.runOnce("crm").delivered()).isEqualTo(1);
    List<String> ids = log.of("crm").stream().map(DeliveryAttempt::webhookId).toList();
    assertThat(ids).hasSize(2).containsOnly(ids.get(0));
    assertThat(log.of("crm")).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
  }

  @Test
  void a_receiver_that_is_down_fails_the_delivery_as_unreachable_and_loses_nothing() throws IOException {
    URI down;
    try (ServerSocket socket = new ServerSocket(0)) {
      down = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks");
    }
    WebhookPublisher webhooks = publisher(pointsAdded(down)).build();

    assertThat(webhooks.runOnce("crm").failed()).isEqualTo(1);
    assertThat(log.all()).singleElement().satisfies(a -> {
      assertThat(a.error()).isEqualTo(WebhookUnreachableException.class.getName());
      assertThat(a.type()).isEqualTo(VoucherifyEvents.POINTS_ADDED);
    });
    assertThat(store.pending("webhook.crm", Set.of(), 10)).as("the points event waits").hasSize(1);
  }

  @Test
  void a_receiver_answering_500_then_200_gets_the_event_on_the_retry() {
    receiver.answer(500);
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).build();

    assertThat(webhooks.runOnce("crm").failed()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(20));
    assertThat(webhooks.runOnce("crm").delivered()).isEqualTo(1);

    assertThat(log.of("crm")).extracting(DeliveryAttempt::status).containsExactly(500, 200);
    assertThat(log.of("crm").get(0).error()).isEqualTo(WebhookRejectedException.class.getName());
    assertThat(store.deadLetters("webhook.crm", 10)).isEmpty();
    assertThat(store.pending("webhook.crm", Set.of(), 10)).isEmpty();
  }

  @Test
  void a_card_later_event_waits_for_its_failed_earlier_one_so_the_receiver_sees_commit_order() {
    engine.addPoints(card, 7, AddedPointsExpiry.never(), "second", "src-2");
    receiver.answer(503);
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).build();

    webhooks.runOnce("crm");
    assertThat(receiver.requests()).as("the second points event is not sent past the failed first").hasSize(1);
    clock.advance(Duration.ofSeconds(20));
    webhooks.runOnce("crm");

    List<Long> points = receiver.requests().stream().map(r -> points(r.body())).toList();
    assertThat(points).containsExactly(5L, 5L, 7L);
  }

  private long points(String body) {
    try {
      return mapper.readTree(body).path("data").path("balance").path("points").asLong();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Nested
  @DisplayName("repeated failure")
  class RepeatedFailure {
    private WebhookPublisher webhooks;

    @BeforeEach
    void anEndpointThatFailsEveryAttempt() {
      receiver.otherwise(500);
      webhooks = publisher(pointsAdded(receiver.url())).retry(RetryPolicy.of(3, Duration.ofSeconds(1),
          Duration.ofSeconds(1))).build();
      for (int i = 0; i < 3; i++) {
        webhooks.runOnce();
        clock.advance(Duration.ofSeconds(1));
      }
    }

    @Test
    void disables_the_endpoint_once_an_event_failed_every_attempt() {
      assertThat(webhooks.isEnabled("crm")).isFalse();
      assertThat(webhooks.deadLetters("crm", 10)).singleElement()
          .satisfies(d -> assertThat(d.reason()).isEqualTo(WebhookRejectedException.class.getName()));
      int sent = receiver.requests().size();
      clock.advance(Duration.ofHours(1));
      assertThat(webhooks.runOnce()).as("a disabled endpoint is not run").isEmpty();
      assertThat(receiver.requests()).hasSize(sent);
    }

    @Test
    void a_replay_requeues_the_failed_deliveries_enables_the_endpoint_and_sends_them() {
      receiver.otherwise(200);
      assertThat(webhooks.replay("crm")).isEqualTo(1);
      assertThat(webhooks.isEnabled("crm")).isTrue();
      assertThat(webhooks.runOnce("crm").delivered()).isEqualTo(1);
      assertThat(log.all()).last().satisfies(a -> assertThat(a.delivered()).isTrue());
      assertThat(webhooks.deadLetters("crm", 10)).isEmpty();
      assertThat(store.pending("webhook.crm", Set.of(), 10)).isEmpty();
    }

    @Test
    void a_restarted_publisher_keeps_the_endpoint_disabled_while_its_dead_letter_waits_and_enabled_once_replayed() {
      int sent = receiver.requests().size();
      WebhookPublisher restarted = publisher(pointsAdded(receiver.url())).build();

      assertThat(restarted.isEnabled("crm")).isFalse();
      clock.advance(Duration.ofHours(1));
      assertThat(restarted.runOnce()).as("nothing claimed after the restart").isEmpty();
      assertThat(receiver.requests()).hasSize(sent);

      receiver.otherwise(200);
      assertThat(restarted.replay("crm")).isEqualTo(1);
      assertThat(publisher(pointsAdded(receiver.url())).build().isEnabled("crm")).as("restarted after the replay")
          .isTrue();
    }

    @Test
    void a_restarted_publisher_without_disabling_on_dead_letters_starts_enabled() {
      assertThat(publisher(pointsAdded(receiver.url())).disableOnDeadLetter(false).build().isEnabled("crm")).isTrue();
    }
  }

  @Nested
  @DisplayName("switches recorded by the host")
  class RecordedSwitches {
    private final EndpointSwitches switches = EndpointSwitches.inMemory();

    private WebhookPublisher started() {
      return publisher(pointsAdded(receiver.url())).switches(switches).build();
    }

    @Test
    void an_endpoint_disabled_by_hand_stays_disabled_after_a_restart() {
      started().disable("crm");

      WebhookPublisher restarted = started();

      assertThat(restarted.isEnabled("crm")).isFalse();
      assertThat(restarted.runOnce("crm").claimed()).isZero();
      assertThat(receiver.requests()).isEmpty();
      assertThat(publisher(pointsAdded(receiver.url())).build().isEnabled("crm"))
          .as("a publisher without the switches knows only the outbox, which has no dead letter").isTrue();
    }

    @Test
    void an_endpoint_enabled_by_hand_despite_its_dead_letter_stays_enabled_after_a_restart() {
      receiver.otherwise(500);
      WebhookPublisher first = publisher(pointsAdded(receiver.url())).switches(switches)
          .retry(RetryPolicy.of(1, Duration.ofSeconds(1), Duration.ofSeconds(1))).build();
      first.runOnce();
      assertThat(first.isEnabled("crm")).isFalse();
      assertThat(switches.enabled("crm")).contains(false);
      first.enable("crm");

      WebhookPublisher restarted = started();

      assertThat(restarted.deadLetters("crm", 10)).hasSize(1);
      assertThat(restarted.isEnabled("crm")).isTrue();
    }
  }

  @Test
  void a_disabled_endpoint_keeps_its_events_and_sends_them_in_order_once_enabled() {
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).build();
    webhooks.disable("crm");
    assertThat(webhooks.runOnce("crm").claimed()).isZero();
    assertThat(receiver.requests()).isEmpty();
    webhooks.enable("crm");
    assertThat(webhooks.runOnce("crm").delivered()).isEqualTo(2);
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void the_background_threads_deliver_and_stop() throws InterruptedException {
    WebhookPublisher webhooks = publisher(pointsAdded(receiver.url())).pollInterval(Duration.ofMillis(5)).build();
    webhooks.start();
    try {
      for (int i = 0; i < 2_000 && !store.pending("webhook.crm", Set.of(), 10).isEmpty(); i++) {
        Thread.sleep(5);
      }
    } finally {
      assertThat(webhooks.stop(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(receiver.requests()).hasSize(1);
  }
}
