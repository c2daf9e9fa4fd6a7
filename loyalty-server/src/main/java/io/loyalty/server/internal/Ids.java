package io.loyalty.server.internal;

import java.security.SecureRandom;

/** Random ids with Voucherify's prefixes ({@code camp_}, {@code ern_}, {@code rew_} …) and random API keys. Thread-safe. */
final class Ids {
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private final SecureRandom random = new SecureRandom();

  /** The prefix and 24 random letters and digits. */
  String next(String prefix) {
    return prefix + random(24);
  }

  /** {@code length} random lower-case hex digits (Voucherify's v2 ids: {@code lcdef_…}, {@code lern_…}, {@code lprg_…}). */
  String hex(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = "0123456789abcdef".charAt(random.nextInt(16));
    }
    return new String(out);
  }

  /** {@code length} random letters and digits. */
  String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
