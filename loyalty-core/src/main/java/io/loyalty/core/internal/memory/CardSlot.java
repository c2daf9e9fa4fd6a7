package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One committed state of a card: the card and the first {@code size} entries of its ledger, published
 * together by a single map put so a reader never sees one without the other.
 *
 * <p>The entry array is append-only and may be shared with older and newer slots: a writer (holding the
 * card's lock, on the latest slot) only ever writes at positions {@code >= size} of the slot it extends,
 * and a reader only reads positions {@code < size} of the slot it holds, all written before that slot
 * was published.
 *
 * <p>Two indexes of the card's own entries live here rather than in store-wide maps: the entry keys that name
 * this card (its {@link LedgerKey#card()} is this card) and the entries of each order. Below {@link #INDEXED} entries they are a
 * scan; above, open-addressing tables of (hash, position plus one) pairs, 0 for a free cell. Tables are shared between slots like
 * the entry array and follow the same rule: a writer only fills free cells, with positions at or above the size
 * of the slot it extends; a reader checks every position it finds against its own size and the entry it names, so
 * a cell filled after its slot was published is skipped. Growing a table makes a new one for the new slot.
 */
final class CardSlot {
  /** From this many entries on, keys and orders are looked up in hash tables instead of scanned. */
  static final int INDEXED = 12;

  private static final LedgerEntry[] NO_ENTRIES = new LedgerEntry[0];
  private static final Comparator<LedgerEntry> BY_SEQ = Comparator.comparingLong(LedgerEntry::seq);
  private static final int[] NO_TABLE = new int[0];

  private final Card card;
  private final LedgerEntry[] entries;
  private final int size;
  /** The entries whose keys are local to this card, by key hash; empty below {@link #INDEXED}. */
  private final int[] keys;
  private final int keyCount;
  /** The entries with an order, by order hash; empty below {@link #INDEXED}. */
  private final int[] orders;
  private final int orderCount;

  private CardSlot(Card card, LedgerEntry[] entries, int size, int[] keys, int keyCount, int[] orders, int orderCount) {
    this.card = card;
    this.entries = entries;
    this.size = size;
    this.keys = keys;
    this.keyCount = keyCount;
    this.orders = orders;
    this.orderCount = orderCount;
  }

  /** A slot for a card with no ledger yet. */
  static CardSlot empty(Card card) {
    return new CardSlot(card, NO_ENTRIES, 0, NO_TABLE, 0, NO_TABLE, 0);
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

  /**
   * The entry of this state with this key, {@code null} when none; only keys local to this card are found
   * (its {@link LedgerKey#card()} is this card), others live in the store-wide map.
   */
  @Nullable
  LedgerEntry entryWithKey(LedgerKey key) {
    return keys.length == 0 ? scanKey(key) : probeKey(key);
  }

  private @Nullable LedgerEntry scanKey(LedgerKey key) {
    for (int i = 0; i < size; i++) {
      if (entries[i].key().equals(key)) {
        return entries[i];
      }
    }
    return null;
  }

  private @Nullable LedgerEntry probeKey(LedgerKey key) {
    int[] table = keys;
    int mask = (table.length >> 1) - 1;
    int h = spread(key.hashCode(), seed());
    int i = h & mask;
    int cell;
    while ((cell = table[2 * i + 1]) != 0) {
      int position = cell - 1;
      // Only a position below this state's size was written before it was published: then so was its hash.
      if (position < size && table[2 * i] == h && entries[position].key().equals(key)) {
        return entries[position];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** The entries of this state for the order, in seq order. */
  List<LedgerEntry> entriesForOrder(OrderId order) {
    return orders.length == 0 ? scanOrder(order) : probeOrder(order);
  }

  private List<LedgerEntry> scanOrder(OrderId order) {
    List<LedgerEntry> found = null;
    for (int i = 0; i < size; i++) {
      if (order.equals(entries[i].order())) {
        if (found == null) {
          found = new ArrayList<>(4);
        }
        found.add(entries[i]);
      }
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  private List<LedgerEntry> probeOrder(OrderId order) {
    int[] table = orders;
    int mask = (table.length >> 1) - 1;
    int h = spread(order.value().hashCode(), seed());
    int i = h & mask;
    List<LedgerEntry> found = null;
    int cell;
    while ((cell = table[2 * i + 1]) != 0) {
      int position = cell - 1;
      if (position < size && table[2 * i] == h && order.equals(entries[position].order())) {
        if (found == null) {
          found = new ArrayList<>(4);
        }
        found.add(entries[position]);
      }
      i = (i + 1) & mask;
    }
    if (found == null) {
      return List.of();
    }
    found.sort(BY_SEQ);
    return List.copyOf(found);
  }

  /**
   * The next state: another card value and the entries appended (sorted by seq, all above lastSeq), with for each
   * whether its key is local to this card.
   */
  CardSlot next(Card newCard, List<LedgerEntry> appended, boolean[] localKeys) {
    if (appended.isEmpty()) {
      return new CardSlot(newCard, entries, size, keys, keyCount, orders, orderCount);
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
    if (newSize < INDEXED) {
      return new CardSlot(newCard, target, newSize, NO_TABLE, 0, NO_TABLE, 0);
    }
    String code = newCard.code().value();
    int seed = code.hashCode();
    int from = keys.length == 0 ? 0 : size; // the first time, index every entry; then only the appended ones
    int newKeys = 0;
    int newOrders = 0;
    for (int position = from; position < newSize; position++) {
      LedgerEntry entry = target[position];
      // Stored entries are looked at only once, when the card first gets its tables.
      newKeys += (position >= size ? localKeys[position - size] : isLocal(entry.key(), newCard.code())) ? 1 : 0;
      newOrders += entry.order() != null ? 1 : 0;
    }
    // A full table is rebuilt from its own (hash, position) pairs into a new array: no entry is read again, and
    // older slots keep theirs untouched.
    int[] keyTable = roomFor(keys, keyCount + newKeys);
    int[] orderTable = roomFor(orders, orderCount + newOrders);
    for (int position = from; position < newSize; position++) {
      LedgerEntry entry = target[position];
      if (position >= size ? localKeys[position - size] : isLocal(entry.key(), newCard.code())) {
        insert(keyTable, spread(entry.key().hashCode(), seed), position);
      }
      OrderId order = entry.order();
      if (order != null) {
        insert(orderTable, spread(order.value().hashCode(), seed), position);
      }
    }
    return new CardSlot(newCard, target, newSize, keyTable, keyCount + newKeys, orderTable, orderCount + newOrders);
  }

  /** The table, or a bigger copy of it when it would be more than three quarters full with {@code count} cells used. */
  private static int[] roomFor(int[] table, int count) {
    int cells = table.length >> 1;
    if (table.length != 0 && count * 4 <= cells * 3) {
      return table;
    }
    // The first table has room to grow to four times its entries (a card that reaches INDEXED entries usually goes
    // on earning, and each rebuild is a new array); later ones at least half as many cells again as entries (a power
    // of two): between 3/8 and 2/3 full after the move.
    int want = table.length == 0 ? 3 * count : count + (count >> 1);
    int[] bigger = new int[2 * Integer.highestOneBit(Math.max(want, 12) * 2 - 1)];
    for (int i = 0; i < cells; i++) {
      int cell = table[2 * i + 1];
      if (cell != 0) {
        insert(bigger, table[2 * i], cell - 1);
      }
    }
    return bigger;
  }

  private static void insert(int[] table, int hash, int position) {
    int mask = (table.length >> 1) - 1;
    int i = hash & mask;
    while (table[2 * i + 1] != 0) {
      i = (i + 1) & mask;
    }
    table[2 * i] = hash;
    table[2 * i + 1] = position + 1; // after the hash; readers trust neither before the slot is published
  }

  /**
   * The table index of a hash, mixed with the card's own seed: one order id or key shape lands differently on every
   * card, so no two cards share a probe pattern (and the lookups' branches see a mix, not one card's layout).
   */
  /** Whether the key is kept with this card's entries: it names the card ({@link LedgerKey#card()}). */
  static boolean isLocal(LedgerKey key, CardCode code) {
    return code.equals(key.card());
  }

  private static int spread(int h, int seed) {
    int x = (h ^ seed * 0x61C88647) * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  private int seed() {
    return card.code().value().hashCode();
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
