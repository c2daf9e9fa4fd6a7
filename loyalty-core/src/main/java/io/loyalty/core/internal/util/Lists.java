package io.loyalty.core.internal.util;

import java.util.Arrays;
import java.util.List;

/**
 * Unmodifiable lists for the records of the SPI, whose constructors keep a JDK unmodifiable list as it is
 * ({@link List#copyOf} returns it) but copy anything else twice (to an array, then to a checked array). Building the
 * list here once saves those copies: up to ten elements go through the fixed-arity {@code List.of}, which wraps its
 * own array; longer lists cost one copy. Elements must not be null.
 */
public final class Lists {
  private Lists() {}

  /** The first {@code n} elements of {@code a} as an unmodifiable list. */
  public static <T> List<T> of(T[] a, int n) {
    return switch (n) {
      case 0 -> List.of();
      case 1 -> List.of(a[0]);
      case 2 -> List.of(a[0], a[1]);
      case 3 -> List.of(a[0], a[1], a[2]);
      case 4 -> List.of(a[0], a[1], a[2], a[3]);
      case 5 -> List.of(a[0], a[1], a[2], a[3], a[4]);
      case 6 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5]);
      case 7 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      case 8 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
      case 9 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
      case 10 -> List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
      default -> List.of(n == a.length ? a : Arrays.copyOf(a, n));
    };
  }

  /** {@code a} followed by {@code b}, unmodifiable; no copy when one of them is empty and unmodifiable. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> concat(List<T> a, List<T> b) {
    if (a.isEmpty()) {
      return List.copyOf(b);
    }
    if (b.isEmpty()) {
      return List.copyOf(a);
    }
    Object[] all = new Object[a.size() + b.size()];
    int i = 0;
    for (int k = 0; k < a.size(); k++) {
      all[i++] = a.get(k);
    }
    for (int k = 0; k < b.size(); k++) {
      all[i++] = b.get(k);
    }
    return of((T[]) all, all.length);
  }
}
