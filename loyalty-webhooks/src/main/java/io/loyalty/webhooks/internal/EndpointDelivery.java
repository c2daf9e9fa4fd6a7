package io.loyalty.webhooks.internal;

import io.loyalty.core.LoyaltyListener;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.webhooks.DeliveryAttempt;
import io.loyalty.webhooks.DeliveryLog;
import io.loyalty.webhooks.VoucherifyEvents;
import io.loyalty.webhooks.WebhookDeliveryException;
import io.loyalty.webhooks.WebhookEndpoint;
import io.loyalty.webhooks.WebhookRejectedException;
import io.loyalty.webhooks.WebhookSignature;
import io.loyalty.webhooks.WebhookTimeoutException;
import io.loyalty.webhooks.WebhookUnreachableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's listener on its relay: each outbox event becomes the Voucherify events the endpoint subscribed to,
 * one signed POST each, in order; the first that fails throws, so the relay retries the whole event (the ones sent
 * before it go again, with the same webhook id). Thread-safe.
 */
public final class EndpointDelivery implements LoyaltyListener {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointDelivery.class);

  private final WebhookEndpoint endpoint;
  private final VoucherifyJson json;
  private final WebhookBodies bodies;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final List<DeliveryLog> logs;
  private final int maxAttempts;
  private final ConcurrentMap<String, Integer> attempts = new ConcurrentHashMap<>();

  /** The delivery of one endpoint. */
  public EndpointDelivery(WebhookEndpoint endpoint, VoucherifyJson json, WebhookBodies bodies, HttpClient client,
      Duration timeout, Clock clock, List<DeliveryLog> logs, int maxAttempts) {
    this.endpoint = endpoint;
    this.json = json;
    this.bodies = bodies;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
    this.logs = List.copyOf(logs);
    this.maxAttempts = maxAttempts;
  }

  @Override
  public void onEvent(OutboxEvent event) {
    List<String> names = VoucherifyEvents.of(event).stream().filter(endpoint::wants).toList();
    if (names.isEmpty()) {
      return;
    }
    String data = json.writeEventData(event);
    int attempt = attempts.merge(event.id(), 1, Integer::sum);
    try {
      for (String name : names) {
        String id = WebhookBodies.webhookId(endpoint.id(), event.id(), name);
        send(event, name, id, bodies.body(endpoint, event, name, id, data), attempt);
      }
      attempts.remove(event.id());
    } catch (WebhookDeliveryException e) {
      if (attempt >= maxAttempts) {
        attempts.remove(event.id());
      }
      throw e;
    }
  }

  private void send(OutboxEvent event, String name, String webhookId, String body, int attempt) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "loyalty-webhooks")
        .header(WebhookSignature.HEADER, WebhookSignature.sign(endpoint.secret(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    Instant at = clock.instant();
    long start = System.nanoTime();
    int status = 0;
    WebhookDeliveryException failure = null;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status < 200 || status > 299) {
        failure = new WebhookRejectedException(endpoint.id(), status);
      }
    } catch (HttpTimeoutException e) {
      failure = new WebhookTimeoutException(endpoint.id(), e);
    } catch (IOException e) {
      failure = new WebhookUnreachableException(endpoint.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new WebhookUnreachableException(endpoint.id(), e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    record(new DeliveryAttempt(endpoint.id(), event.id(), webhookId, name, attempt, at, failure == null, status,
        failure == null ? null : failure.getClass().getName(), elapsed));
    if (failure != null) {
      LOG.debug("webhook endpoint {}: {} failed ({}, status {})", endpoint.id(), name, failure.getClass().getSimpleName(),
          status);
      throw failure;
    }
  }

  private void record(DeliveryAttempt attempt) {
    for (DeliveryLog log : logs) {
      try {
        log.record(attempt);
      } catch (RuntimeException e) {
        LOG.warn("webhook endpoint {}: a delivery log failed ({}); the delivery stands", endpoint.id(),
            e.getClass().getName());
      }
    }
  }

  /** How many outbox events have failed at least once and not yet been delivered, as this process counted them. */
  public int failing() {
    return attempts.size();
  }
}
