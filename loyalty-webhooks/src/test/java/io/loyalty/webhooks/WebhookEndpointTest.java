package io.loyalty.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
  private static final URI URL = URI.create("https://crm.example/hooks");

  @Test
  void an_unknown_event_name_is_rejected_with_the_name() {
    assertThatThrownBy(() -> WebhookEndpoint.of("crm", URL, "k", "customer.voucher.points_added"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer.voucher.points_added");
  }

  @Test
  void a_url_that_is_not_absolute_http_is_rejected() {
    assertThatThrownBy(() -> WebhookEndpoint.of("crm", URI.create("ftp://crm.example/x"), "k"))
        .hasMessageContaining("http");
    assertThatThrownBy(() -> WebhookEndpoint.of("crm", URI.create("/hooks"), "k")).hasMessageContaining("absolute");
  }

  @Test
  void an_id_that_would_not_make_a_consumer_name_is_rejected() {
    assertThatThrownBy(() -> WebhookEndpoint.of("crm hooks", URL, "k")).hasMessageContaining("id");
    assertThatThrownBy(() -> WebhookEndpoint.of("x".repeat(61), URL, "k")).hasMessageContaining("60");
  }

  @Test
  void an_empty_secret_is_rejected() {
    assertThatThrownBy(() -> WebhookEndpoint.of("crm", URL, "")).hasMessageContaining("secret");
  }

  @Test
  void the_secret_is_never_shown() {
    assertThat(WebhookEndpoint.of("crm", URL, "do-not-print-me").toString()).doesNotContain("do-not-print-me")
        .contains("crm");
  }

  @Test
  void no_events_means_every_event_and_a_list_means_only_those() {
    assertThat(WebhookEndpoint.of("crm", URL, "k").wants(VoucherifyEvents.TIER_LEFT)).isTrue();
    WebhookEndpoint some = new WebhookEndpoint("crm", URL, "k", Set.of(VoucherifyEvents.TIER_JOINED));
    assertThat(some.wants(VoucherifyEvents.TIER_JOINED)).isTrue();
    assertThat(some.wants(VoucherifyEvents.TIER_LEFT)).isFalse();
  }

  @Test
  void an_endpoint_may_subscribe_to_an_event_the_outbox_has_no_source_for_yet() {
    assertThat(WebhookEndpoint.of("crm", URL, "k", VoucherifyEvents.ORDER_PAID).events())
        .containsExactly(VoucherifyEvents.ORDER_PAID);
  }
}
