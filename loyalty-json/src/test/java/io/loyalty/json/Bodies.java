package io.loyalty.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.time.ZoneOffset;

/**
 * The request and response bodies of Voucherify's loyalty guide and API reference (the seeds 000 to 003), verbatim,
 * as test resources; and the wire the tests read them with.
 */
final class Bodies {
  private Bodies() {}

  /** The wire of a UTC project in US dollars. */
  static final VoucherifyJson WIRE = VoucherifyJson.forProject(ZoneOffset.UTC, Currency.getInstance("USD"));

  /** The body in {@code seeds/<name>}. */
  static String seed(String name) {
    try (InputStream in = Bodies.class.getResourceAsStream("/seeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no seed body " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
