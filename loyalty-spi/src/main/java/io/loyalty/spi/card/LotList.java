package io.loyalty.spi.card;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A card's lots as an immutable list that a new version of the card shares with the old one: appending a lot or
 * replacing one copies a path of a 32-way tree, not the list, and the sums a write needs (usable and pending points,
 * the first instant a lot falls due) are kept in the tree, so a write costs the same on a card of ten lots as on one of
 * ten thousand. {@link Card} holds its lots in one; a store may hand a card any list, which is turned into one.
 */
public final class LotList extends AbstractList<Lot> implements RandomAccess {
  private static final int BITS = 5;
  private static final int WIDTH = 1 << BITS;
  private static final int MASK = WIDTH - 1;
  private static final LotList EMPTY = new LotList(null, 0, 0);

  /** A node: lots at the leaves (level 0), nodes above, with the sums of everything below. */
  private static final class Node {
    final Object[] slots;
    final long active;
    final long pending;
    final boolean overflow;
    final @Nullable Instant due;
    /** The usable lot (active, points left) that is drawn from first, or {@code null}. */
    final @Nullable Lot usable;

    Node(Object[] slots, boolean leaf) {
      this.slots = slots;
      long a = 0;
      long p = 0;
      boolean over = false;
      Instant d = null;
      Lot u = null;
      for (Object slot : slots) {
        long sa;
        long sp;
        Instant sd;
        Lot su;
        if (leaf) {
          Lot lot = (Lot) slot;
          sa = lot.state() == LotState.ACTIVE ? lot.remaining() : 0;
          sp = lot.state() == LotState.PENDING ? lot.remaining() : 0;
          sd = due(lot);
          su = lot.state() == LotState.ACTIVE && lot.remaining() > 0 ? lot : null;
        } else {
          Node n = (Node) slot;
          over |= n.overflow;
          sa = n.active;
          sp = n.pending;
          sd = n.due;
          su = n.usable;
        }
        if (su != null && (u == null || Lot.CONSUMPTION_ORDER.compare(su, u) < 0)) {
          u = su;
        }
        long na = a + sa;
        long np = p + sp;
        // exact sums: an overflow is remembered and reported when the sum is asked for, as an exact sum would
        over |= ((a ^ na) & (sa ^ na)) < 0 || ((p ^ np) & (sp ^ np)) < 0;
        a = na;
        p = np;
        if (sd != null && (d == null || sd.isBefore(d))) {
          d = sd;
        }
      }
      this.active = a;
      this.pending = p;
      this.overflow = over;
      this.due = d;
      this.usable = u;
    }
  }

  /** The first instant the lot has an activation or an expiration to record, or {@code null}. */
  private static @Nullable Instant due(Lot lot) {
    Instant d = null;
    if (lot.state() == LotState.PENDING && lot.activatesAt() != null) {
      d = lot.activatesAt();
    }
    Instant expires = lot.expiresAt();
    if (lot.state() != LotState.CANCELED && lot.remaining() > 0 && expires != null && (d == null || expires.isBefore(d))) {
      d = expires;
    }
    return d;
  }

  private final @Nullable Node root;
  private final int size;
  /** {@code BITS × (height − 1)}: the shift that picks a child of the root. */
  private final int shift;

  private LotList(@Nullable Node root, int size, int shift) {
    this.root = root;
    this.size = size;
    this.shift = shift;
  }

  /** The empty list. */
  public static LotList empty() {
    return EMPTY;
  }

  /** The lots as a lot list: the list itself when it is one, else a copy (no element may be null). */
  public static LotList of(List<Lot> lots) {
    if (lots instanceof LotList list) {
      return list;
    }
    LotList list = EMPTY;
    for (Lot lot : lots) {
      list = list.plus(Objects.requireNonNull(lot, "lot"));
    }
    return list;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Lot get(int index) {
    Objects.checkIndex(index, size);
    Node node = Objects.requireNonNull(root, "a non-empty list has a root");
    for (int level = shift; level > 0; level -= BITS) {
      node = (Node) node.slots[(index >>> level) & MASK];
    }
    return (Lot) node.slots[index & MASK];
  }

  /** The list with {@code lot} appended. */
  public LotList plus(Lot lot) {
    Objects.requireNonNull(lot, "lot");
    if (root == null) {
      return new LotList(new Node(new Object[] {lot}, true), 1, 0);
    }
    if (size == 1 << (shift + BITS)) {
      Node grown = new Node(new Object[] {root, path(shift, lot)}, false);
      return new LotList(grown, size + 1, shift + BITS);
    }
    return new LotList(append(root, shift, size, lot), size + 1, shift);
  }

  /** The list with the lot at {@code index} replaced by {@code lot}. */
  public LotList with(int index, Lot lot) {
    Objects.checkIndex(index, size);
    Objects.requireNonNull(lot, "lot");
    return new LotList(replace(Objects.requireNonNull(root, "non-empty"), shift, index, lot), size, shift);
  }

  /**
   * The remaining points of the active lots.
   *
   * @throws ArithmeticException when the sum exceeds the range of a {@code long}
   */
  public long activeSum() {
    if (root != null && root.overflow) {
      throw new ArithmeticException("long overflow");
    }
    return root == null ? 0 : root.active;
  }

  /**
   * The remaining points of the pending lots.
   *
   * @throws ArithmeticException when the sum exceeds the range of a {@code long}
   */
  public long pendingSum() {
    if (root != null && root.overflow) {
      throw new ArithmeticException("long overflow");
    }
    return root == null ? 0 : root.pending;
  }

  /**
   * The first instant at which a lot has an activation (a pending lot) or an expiration (a lot with points left) to
   * record, {@code null} when none has: before it, nothing about the lots changes with time.
   */
  public @Nullable Instant firstDue() {
    return root == null ? null : root.due;
  }

  /**
   * The index of the active lot with points left that is drawn from first ({@link Lot#CONSUMPTION_ORDER}), or -1:
   * found down one path of the tree, so a debit pays for the lots it draws, not for the lots the card holds.
   */
  public int firstUsable() {
    Node node = root;
    if (node == null || node.usable == null) {
      return -1;
    }
    Lot target = node.usable;
    int index = 0;
    for (int level = shift; level > 0; level -= BITS) {
      Object[] slots = node.slots;
      int child = 0;
      while (((Node) slots[child]).usable != target) {
        child++;
      }
      index |= child << level;
      node = (Node) slots[child];
    }
    int at = 0;
    while (node.slots[at] != target) {
      at++;
    }
    return index | at;
  }

  /**
   * The indexes, in list order, of the lots with an activation or an expiration due by {@code asOf} (see
   * {@link #firstDue()}): found by descending only where something is due.
   */
  public int[] dueBy(Instant asOf) {
    if (root == null || root.due == null || asOf.isBefore(root.due)) {
      return new int[0];
    }
    int[] found = new int[8];
    int[] count = {0};
    found = collect(root, shift, 0, asOf, found, count);
    return Arrays.copyOf(found, count[0]);
  }

  private static int[] collect(Node node, int level, int base, Instant asOf, int[] found, int[] count) {
    int[] out = found;
    for (int i = 0; i < node.slots.length; i++) {
      Instant d;
      if (level == 0) {
        d = due((Lot) node.slots[i]);
      } else {
        d = ((Node) node.slots[i]).due;
      }
      if (d == null || asOf.isBefore(d)) {
        continue;
      }
      if (level == 0) {
        if (count[0] == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[count[0]++] = base | i;
      } else {
        out = collect((Node) node.slots[i], level - BITS, base | (i << level), asOf, out, count);
      }
    }
    return out;
  }

  private static Node path(int level, Lot lot) {
    return level == 0 ? new Node(new Object[] {lot}, true) : new Node(new Object[] {path(level - BITS, lot)}, false);
  }

  private static Node append(Node node, int level, int index, Lot lot) {
    if (level == 0) {
      Object[] slots = Arrays.copyOf(node.slots, node.slots.length + 1);
      slots[slots.length - 1] = lot;
      return new Node(slots, true);
    }
    int child = (index >>> level) & MASK;
    Object[] slots;
    if (child < node.slots.length) {
      slots = node.slots.clone();
      slots[child] = append((Node) node.slots[child], level - BITS, index, lot);
    } else {
      slots = Arrays.copyOf(node.slots, node.slots.length + 1);
      slots[child] = path(level - BITS, lot);
    }
    return new Node(slots, false);
  }

  private static Node replace(Node node, int level, int index, Lot lot) {
    Object[] slots = node.slots.clone();
    if (level == 0) {
      slots[index & MASK] = lot;
      return new Node(slots, true);
    }
    int child = (index >>> level) & MASK;
    slots[child] = replace((Node) node.slots[child], level - BITS, index, lot);
    return new Node(slots, false);
  }
}
