package io.loyalty.core.internal.memory;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed array of locks, one chosen per aggregate key by hash. A commit locks the sorted, distinct
 * stripes of every key it touches in ascending order, so two commits never wait on each other in a cycle.
 */
final class LockStripes {
  private final ReentrantLock[] locks;
  private final int mask;

  /** {@code count} stripes, a power of two. */
  LockStripes(int count) {
    if (count <= 0 || Integer.bitCount(count) != 1) {
      throw new IllegalArgumentException("stripe count must be a positive power of two: " + count);
    }
    locks = new ReentrantLock[count];
    for (int i = 0; i < count; i++) {
      locks[i] = new ReentrantLock();
    }
    mask = count - 1;
  }

  /** The stripe of a key in a namespace ({@code salt}), so equal hashes of different kinds spread apart. */
  int stripeOf(Object key, int salt) {
    return stripeOf(key.hashCode(), salt);
  }

  /** The stripe of a key with this hash in a namespace. */
  int stripeOf(int hash, int salt) {
    int h = (hash + salt * 0x61C88647) * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** Sorts and de-duplicates stripes in place; returns how many distinct ones lead the array. */
  static int distinct(int[] stripes, int count) {
    Arrays.sort(stripes, 0, count);
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (n == 0 || stripes[n - 1] != stripes[i]) {
        stripes[n++] = stripes[i];
      }
    }
    return n;
  }

  /** Locks the first {@code count} stripes, which must be sorted and distinct. */
  void lockAll(int[] stripes, int count) {
    for (int i = 0; i < count; i++) {
      locks[stripes[i]].lock();
    }
  }

  /** Unlocks what {@link #lockAll} locked, in reverse order. */
  void unlockAll(int[] stripes, int count) {
    for (int i = count - 1; i >= 0; i--) {
      locks[stripes[i]].unlock();
    }
  }
}
