package io.loyalty.core.internal.memory;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One committed state of a card: the card and the first {@code size} entries of its ledger, published
 * together by a single map put so a reader never sees one without the other.
 *
 * <p>The entry array is append-only and may be shared with older and newer slots: a writer (holding the
 * card's lock, on the latest slot) only ever writes at positions {@code >= size} of the slot it extends,
 * and a reader only reads positions {@code < size} of the slot it holds, all written before that slot
 * was published.
 */
final class CardSlot {
  private static final LedgerEntry[] NO_ENTRIES = new LedgerEntry[0];

  private final Card card;
  private final LedgerEntry[] entries;
  private final int size;

  private CardSlot(Card card, LedgerEntry[] entries, int size) {
    this.card = card;
    this.entries = entries;
    this.size = size;
  }

  /** A slot for a card with no ledger yet. */
  static CardSlot empty(Card card) {
    return new CardSlot(card, NO_ENTRIES, 0);
  }

  Card card() {
    return card;
  }

  /** How many ledger entries this state holds. */
  int size() {
    return size;
  }

  /** The entry at a position, {@code 0 <= index < size()}. */
  LedgerEntry entry(int index) {
    return entries[index];
  }

  /** The seq of the latest entry, 0 for none. */
  long lastSeq() {
    return size == 0 ? 0 : entries[size - 1].seq();
  }

  /** Whether an entry with this seq is in this state. */
  boolean containsSeq(long seq) {
    int i = indexAfter(seq - 1);
    return i < size && entries[i].seq() == seq;
  }

  /** The next state: another card value and the entries appended (sorted by seq, all above lastSeq). */
  CardSlot next(Card newCard, List<LedgerEntry> appended) {
    if (appended.isEmpty()) {
      return new CardSlot(newCard, entries, size);
    }
    int newSize = Math.addExact(size, appended.size());
    LedgerEntry[] target = entries;
    if (newSize > entries.length) {
      // Grow by half: amortized O(1) per append, and at most a third of the array unused.
      target = Arrays.copyOf(entries, Math.max(newSize, size + (size >> 1)));
    }
    for (int i = 0; i < appended.size(); i++) {
      target[size + i] = appended.get(i);
    }
    return new CardSlot(newCard, target, newSize);
  }

  /** Up to {@code limit} entries with {@code seq > afterSeq}, in seq order. */
  List<LedgerEntry> page(long afterSeq, int limit) {
    int from = indexAfter(afterSeq);
    int to = (int) Math.min(size, (long) from + limit);
    if (from >= to) {
      return List.of();
    }
    return Collections.unmodifiableList(Arrays.asList(Arrays.copyOfRange(entries, from, to)));
  }

  /** The first position whose entry has {@code seq > afterSeq} (entries are sorted by seq). */
  private int indexAfter(long afterSeq) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries[mid].seq() <= afterSeq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
