package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Where the in-memory store keeps a ledger entry key. Most keys the engine writes name their card as the text
 * between the first and the second colon ({@code accrual:<card>:order:...}, {@code activation:<card>:<lot>},
 * {@code reversal:<card>:...}, {@code initial:<card>}): such a key, written on that very card, is <em>local</em>
 * and is indexed in the card's slot. Every other key (an adjustment's source id, a transfer, a redemption, or a key
 * naming another card) goes to the store-wide map. Keys stay unique store-wide: the text between the colons (the
 * key's <em>segment</em>) has no colon, so a key is local to at most one card, and a check looks in that card's
 * slot and in the map. Both places of one key are guarded by one lock: the stripe of the card its segment names
 * (which, for a local key, is the lock the commit already holds for the card).
 */
final class KeyScope {
  private KeyScope() {}

  /** Whether the key is local to the card with this code: its segment is exactly the code. */
  static boolean isLocal(String key, String code) {
    int first = key.indexOf(':');
    if (first < 0) {
      return false;
    }
    int start = first + 1;
    int end = start + code.length();
    return end <= key.length() && (end == key.length() || key.charAt(end) == ':')
        && !code.isEmpty() && key.regionMatches(start, code, 0, code.length()) && code.indexOf(':') < 0;
  }

  /** The start of the key's segment, or -1 when it has none (no colon, or nothing after it). */
  static int segmentStart(String key) {
    int first = key.indexOf(':');
    return first < 0 || first + 1 >= key.length() || key.charAt(first + 1) == ':' ? -1 : first + 1;
  }

  /** The end (exclusive) of the segment starting at {@code start}. */
  static int segmentEnd(String key, int start) {
    int end = key.indexOf(':', start);
    return end < 0 ? key.length() : end;
  }

  /**
   * The hash a card code with the segment's text would have ({@code String.hashCode} of the segment, without
   * cutting it out), for the lock stripe; {@code key.hashCode()} when the key has no segment.
   */
  static int lockHash(String key) {
    int start = segmentStart(key);
    if (start < 0) {
      return key.hashCode();
    }
    int end = segmentEnd(key, start);
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + key.charAt(i);
    }
    return h;
  }

  /** Whether the key has a segment (and so is guarded by the stripe of the card the segment names). */
  static boolean hasSegment(String key) {
    return segmentStart(key) >= 0;
  }

  /**
   * The card code the key's segment spells exactly (the only card it can be local to), or {@code null} when it has
   * no segment or the segment is not a code as it stands (a code is stored normalized).
   */
  static @Nullable CardCode segmentCard(String key) {
    int start = segmentStart(key);
    if (start < 0) {
      return null;
    }
    String segment = key.substring(start, segmentEnd(key, start));
    try {
      CardCode code = CardCode.of(segment);
      return code.value().equals(segment) ? code : null;
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
