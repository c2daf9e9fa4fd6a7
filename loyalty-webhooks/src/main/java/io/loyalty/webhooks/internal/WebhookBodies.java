package io.loyalty.webhooks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.webhooks.WebhookEndpoint;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Voucherify's v2024-01-01 webhook envelope around an event's {@code data}: {@code id} (the sendout, {@code whs_…}),
 * {@code project_id}, {@code created_at}, {@code type}, {@code data}, {@code source} (the endpoint, {@code object:
 * "webhook"}) and {@code event} ({@code object: "event"}, its id, type, time and entity). Compact JSON, the bytes the
 * signature covers. Thread-safe.
 */
public final class WebhookBodies {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper = new ObjectMapper();
  private final String projectId;

  /** Bodies of the given project. */
  public WebhookBodies(String projectId) {
    this.projectId = projectId;
  }

  /**
   * The webhook's id: {@code whs_} and 20 hex digits of a SHA-256 over the endpoint, the outbox event and the name, so
   * every attempt of one delivery carries the same id and a receiver can drop a repeat.
   */
  public static String webhookId(String endpoint, String eventId, String type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((endpoint + "\n" + eventId + "\n" + type).getBytes(StandardCharsets.UTF_8));
      return "whs_" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  /** The body of one webhook of the event to the endpoint; {@code data} is the event's data object as JSON. */
  public String body(WebhookEndpoint endpoint, OutboxEvent event, String type, String webhookId, String data) {
    ObjectNode root = mapper.createObjectNode();
    root.put("id", webhookId);
    root.put("project_id", projectId);
    root.put("created_at", instant(event.at()));
    root.put("type", type);
    root.putRawValue("data", new RawValue(data));
    ObjectNode source = root.putObject("source");
    source.put("id", endpoint.id());
    source.put("object", "webhook");
    source.put("target_url", endpoint.url().toString());
    ObjectNode ev = root.putObject("event");
    ev.put("id", event.id());
    ev.put("object", "event");
    ev.put("type", type);
    ev.put("created_at", instant(event.at()));
    ev.put("entity_id", event.card().value());
    ev.put("group_id", event.program().value());
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String instant(Instant at) {
    return INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
  }
}
