package io.loyalty.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void matches_the_example_of_voucherify_documentation() {
    // docs.voucherify.io, "Introduction to webhooks": secret "secretKey", payload {"a":1}
    assertThat(WebhookSignature.sign("secretKey", "{\"a\":1}"))
        .isEqualTo("a17d2ac229d1ebbb5f10e839c7985c4818e5986eab297f7e5979196d4d7d3ed2");
    assertThat(WebhookSignature.sign("secretKey", "  message  "))
        .isEqualTo("53ff92957e1427ce23ad5bda9d0c5f2f4ff384d0806b83eeacb510c842d3a358");
  }

  @Test
  void verifies_a_header_in_either_case_and_rejects_another_body() {
    String signature = WebhookSignature.sign("k", "{\"a\":1}");
    assertThat(WebhookSignature.verify("k", "{\"a\":1}", signature.toUpperCase())).isTrue();
    assertThat(WebhookSignature.verify("k", "{\"a\":2}", signature)).isFalse();
    assertThat(WebhookSignature.verify("k", "{\"a\":1}", "")).isFalse();
  }
}
