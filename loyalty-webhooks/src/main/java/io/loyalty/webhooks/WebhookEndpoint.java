package io.loyalty.webhooks;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One webhook endpoint: where to send, the secret that signs each request, and the Voucherify events it wants (all
 * when empty). Immutable; {@link #toString()} hides the secret.
 *
 * @param id the endpoint's id, 1 to 60 letters, digits, {@code _} or {@code -}; its relay consumes the outbox as
 *     {@code webhook.<id>}, so keep it when the URL changes (the endpoint resumes where it stopped)
 * @param url an absolute {@code http} or {@code https} URL
 * @param secret the HMAC key, 1 to 512 characters
 * @param events the subscribed names, each one {@link VoucherifyEvents#isKnown}; empty for every event
 */
public record WebhookEndpoint(String id, URI url, String secret, Set<String> events) {
  /** The longest endpoint id. */
  public static final int MAX_ID_LENGTH = 60;
  /** The longest secret. */
  public static final int MAX_SECRET_LENGTH = 512;

  /** Checks every part, naming the one at fault. */
  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(events, "events");
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH
        || !id.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
      throw new IllegalArgumentException("id: 1 to " + MAX_ID_LENGTH + " letters, digits, '_' or '-'");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("url of endpoint " + id + ": an absolute http or https URL with a host");
    }
    if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
      throw new IllegalArgumentException("secret of endpoint " + id + ": 1 to " + MAX_SECRET_LENGTH + " characters, got "
          + secret.length());
    }
    for (String name : events) {
      if (!VoucherifyEvents.isKnown(Objects.requireNonNull(name, "events[]"))) {
        throw new IllegalArgumentException("events of endpoint " + id + ": not a Voucherify loyalty event: "
            + (name.length() > 80 ? name.substring(0, 80) + "…" : name));
      }
    }
    events = Set.copyOf(events);
  }

  /** An endpoint that gets every event. */
  public static WebhookEndpoint of(String id, URI url, String secret) {
    return new WebhookEndpoint(id, url, secret, Set.of());
  }

  /** An endpoint that gets the named events. */
  public static WebhookEndpoint of(String id, URI url, String secret, String... events) {
    return new WebhookEndpoint(id, url, secret, Set.of(events));
  }

  /** Whether the endpoint subscribed to the name. */
  public boolean wants(String name) {
    return events.isEmpty() || events.contains(name);
  }

  /** The outbox consumer of this endpoint's relay: {@code webhook.<id>}. */
  public String consumer() {
    return "webhook." + id;
  }

  /** The endpoint with its URL and events; the secret is not shown. */
  @Override
  public String toString() {
    return "WebhookEndpoint[id=" + id + ", url=" + url + ", events=" + new TreeSet<>(events) + "]";
  }
}
