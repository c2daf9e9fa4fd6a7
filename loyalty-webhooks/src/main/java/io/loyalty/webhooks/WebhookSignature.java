package io.loyalty.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Voucherify's webhook signature: the lowercase hex HMAC-SHA256 of the request body's bytes (UTF-8, compact JSON as
 * sent), keyed with the endpoint's secret, in the {@value #HEADER} header. Stateless and thread-safe.
 */
public final class WebhookSignature {
  /** The header that carries the signature (HTTP header names are case-insensitive; Voucherify writes it lowercase). */
  public static final String HEADER = "X-Voucherify-Signature";

  private WebhookSignature() {}

  /** The signature of the body under the secret. */
  public static String sign(String secret, String body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** Whether the header's value is the body's signature under the secret (compared in constant time). */
  public static boolean verify(String secret, String body, String signature) {
    Objects.requireNonNull(signature, "signature");
    byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.trim().toLowerCase(java.util.Locale.ROOT)
        .getBytes(StandardCharsets.US_ASCII));
  }
}
