/**
 * Webhooks as Voucherify sends them: endpoints ({@link io.loyalty.webhooks.WebhookEndpoint}), the event names
 * ({@link io.loyalty.webhooks.VoucherifyEvents}), the {@code X-Voucherify-Signature} HMAC
 * ({@link io.loyalty.webhooks.WebhookSignature}), the publisher that relays the outbox to every endpoint, and its
 * delivery log. See {@code docs/webhooks.md}.
 */
@NullMarked
package io.loyalty.webhooks;

import org.jspecify.annotations.NullMarked;
