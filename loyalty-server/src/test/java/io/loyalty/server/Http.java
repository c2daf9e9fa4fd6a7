package io.loyalty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A started server on a free port with known keys, and plain HTTP calls to it (JSON in, status and JSON out). */
final class Http implements AutoCloseable {
  static final String APP_ID = "test-app";
  static final String APP_TOKEN = "test-token";
  static final ObjectMapper TREES = new ObjectMapper();

  final LoyaltyServer.Running server;
  private final HttpClient client = HttpClient.newHttpClient();

  private Http(LoyaltyServer.Running server) {
    this.server = server;
  }

  /** A server on the in-memory store with its clock simulated from {@code clock}. */
  static Http start(Instant clock) {
    return start(LoyaltyServer.Config.builder().port(0).keys(APP_ID, APP_TOKEN).testClock(clock).build());
  }

  static Http start(LoyaltyServer.Config config) {
    return new Http(LoyaltyServer.start(config));
  }

  /** An answer: its status, its body as text and as JSON (null when it is not JSON), and its request id header. */
  record Answer(int status, String body, JsonNode json, String requestId) {
    JsonNode at(String pointer) {
      return json.at(pointer);
    }
  }

  Answer get(String path) {
    return send("GET", path, null, true);
  }

  Answer post(String path, String body) {
    return send("POST", path, body, true);
  }

  Answer put(String path, String body) {
    return send("PUT", path, body, true);
  }

  Answer delete(String path) {
    return send("DELETE", path, null, true);
  }

  Answer send(String method, String path, String body, boolean authenticated) {
    return send(method, path, body, authenticated ? APP_ID : null, authenticated ? APP_TOKEN : null);
  }

  Answer send(String method, String path, String body, String appId, String appToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json")
        .timeout(java.time.Duration.ofSeconds(15));
    if (appId != null) {
      b.header("X-App-Id", appId);
    }
    if (appToken != null) {
      b.header("X-App-Token", appToken);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isEmpty() ? TREES.missingNode() : TREES.readTree(r.body());
      } catch (IOException e) {
        json = TREES.missingNode();
      }
      return new Answer(r.statusCode(), r.body(), json, r.headers().firstValue("X-Request-Id").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A seed body ({@code seeds/<name>}, the loyalty guide's and API reference's bodies, verbatim). */
  static String seed(String name) {
    try (InputStream in = Http.class.getResourceAsStream("/seeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no seed body " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
