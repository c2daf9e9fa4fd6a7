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

  /**
   * A node: lots at the leaves (level 0), nodes above, with the sums of everything below, and (worked out when first
   * asked, then kept: a node never changes) the first due instant and the lot drawn first below it.
   */
  private static final class Node {
    private static final Object UNKNOWN = new Object();

    final Object[] slots;
    final boolean leaf;
    final long active;
    final long pending;
    final boolean overflow;
    /** The first due instant below, {@code null} for none, or {@link #UNKNOWN} until asked (a benign race). */
    private @Nullable Object due = UNKNOWN;
    /** The lot drawn first below, {@code null} for none, or {@link #UNKNOWN} until asked (a benign race). */
    private @Nullable Object usable = UNKNOWN;
    /** The latest activation instant of an active lot below, {@code null} for none, or {@link #UNKNOWN}. */
    private @Nullable Object lastActivation = UNKNOWN;

    Node(Object[] slots, boolean leaf) {
      this.slots = slots;
      this.leaf = leaf;
      long a = 0;
      long p = 0;
      boolean over = false;
      for (Object slot : slots) {
        long sa;
        long sp;
        if (leaf) {
          Lot lot = (Lot) slot;
          sa = lot.state() == LotState.ACTIVE ? lot.remaining() : 0;
          sp = lot.state() == LotState.PENDING ? lot.remaining() : 0;
        } else {
          Node n = (Node) slot;
          over |= n.overflow;
          sa = n.active;
          sp = n.pending;
        }
        long na = a + sa;
        long np = p + sp;
        // exact sums: an overflow is remembered and reported when the sum is asked for, as an exact sum would
        over |= ((a ^ na) & (sa ^ na)) < 0 || ((p ^ np) & (sp ^ np)) < 0;
        a = na;
        p = np;
      }
      this.active = a;
      this.pending = p;
      this.overflow = over;
    }

    @Nullable Instant due() {
      Object d = due;
      if (d == UNKNOWN) {
        Instant first = null;
        for (Object slot : slots) {
          Instant sd = leaf ? LotList.due((Lot) slot) : ((Node) slot).due();
          if (sd != null && (first == null || sd.isBefore(first))) {
            first = sd;
          }
        }
        due = d = first;
      }
      return (Instant) d;
    }

    @Nullable Instant lastActivation() {
      Object a = lastActivation;
      if (a == UNKNOWN) {
        Instant last = null;
        for (Object slot : slots) {
          Instant sa;
          if (leaf) {
            Lot lot = (Lot) slot;
            sa = lot.state() == LotState.ACTIVE ? lot.activatesAt() : null;
          } else {
            sa = ((Node) slot).lastActivation();
          }
          if (sa != null && (last == null || sa.isAfter(last))) {
            last = sa;
          }
        }
        lastActivation = a = last;
      }
      return (Instant) a;
    }

    @Nullable Lot usable() {
      Object u = usable;
      if (u == UNKNOWN) {
        Lot first = null;
        for (Object slot : slots) {
          Lot su;
          if (leaf) {
            Lot lot = (Lot) slot;
            su = lot.state() == LotState.ACTIVE && lot.remaining() > 0 ? lot : null;
          } else {
            su = ((Node) slot).usable();
          }
          if (su != null && (first == null || drawnBefore(su, first))) {
            first = su;
          }
        }
        usable = u = first;
      }
      return (Lot) u;
    }
  }

  /** {@link Lot#CONSUMPTION_ORDER} written out: soonest expiry first (never last), then oldest grant, then id. */
  private static boolean drawnBefore(Lot a, Lot b) {
    Instant ea = a.expiresAt();
    Instant eb = b.expiresAt();
    if (ea != eb) {
      if (ea == null) {
        return false;
      }
      if (eb == null) {
        return true;
      }
      int c = ea.compareTo(eb);
      if (c != 0) {
        return c < 0;
      }
    }
    int g = a.grantedAt().compareTo(b.grantedAt());
    return g != 0 ? g < 0 : a.id() < b.id();
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

  @Override
  public java.util.Iterator<Lot> iterator() {
    return new Leaves();
  }

  @Override
  public void forEach(java.util.function.Consumer<? super Lot> action) {
    Objects.requireNonNull(action, "action");
    if (root != null) {
      forEach(root, shift, action);
    }
  }

  private static void forEach(Node node, int level, java.util.function.Consumer<? super Lot> action) {
    for (Object slot : node.slots) {
      if (level == 0) {
        action.accept((Lot) slot);
      } else {
        forEach((Node) slot, level - BITS, action);
      }
    }
  }

  /** Walks the leaves in order, descending once per leaf rather than once per lot. */
  private final class Leaves implements java.util.Iterator<Lot> {
    private int index;
    private Object[] leaf = new Object[0];
    private int base;

    @Override
    public boolean hasNext() {
      return index < size;
    }

    @Override
    public Lot next() {
      if (index >= size) {
        throw new java.util.NoSuchElementException();
      }
      if (index - base >= leaf.length || index < base) {
        Node node = Objects.requireNonNull(root, "non-empty");
        for (int level = shift; level > 0; level -= BITS) {
          node = (Node) node.slots[(index >>> level) & MASK];
        }
        leaf = node.slots;
        base = index & ~MASK;
      }
      return (Lot) leaf[index++ - base];
    }
  }

  /** The list with {@code lot} appended. */
  public LotList plus(Lot lot) {
    Objects.requireNonNull(lot, "lot");
    Object[] one = {lot};
    if (root == null) {
      return new LotList(new Node(one, true), 1, 0);
    }
    if (size == 1 << (shift + BITS)) {
      Node grown = new Node(new Object[] {root, path(shift, one)}, false);
      return new LotList(grown, size + 1, shift + BITS);
    }
    return new LotList(append(root, shift, size, one), size + 1, shift);
  }

  /**
   * The list with {@code more} appended, in order: as {@code plus} one by one, but filling each leaf with one copy, so
   * a write that grants several lots copies the path once per leaf it touches, not once per lot.
   */
  public LotList plusAll(List<Lot> more) {
    LotList list = this;
    int i = 0;
    while (i < more.size()) {
      int free = list.size == 0 || (list.size & MASK) == 0 ? WIDTH : WIDTH - (list.size & MASK);
      int n = Math.min(free, more.size() - i);
      Object[] chunk = new Object[n];
      for (int k = 0; k < n; k++) {
        chunk[k] = Objects.requireNonNull(more.get(i + k), "lot");
      }
      i += n;
      if (list.root == null) {
        list = new LotList(new Node(chunk, true), n, 0);
      } else if ((list.size & MASK) == 0 && list.size == 1 << (list.shift + BITS)) {
        Node grown = new Node(new Object[] {list.root, path(list.shift, chunk)}, false);
        list = new LotList(grown, list.size + n, list.shift + BITS);
      } else {
        list = new LotList(append(list.root, list.shift, list.size, chunk), list.size + n, list.shift);
      }
    }
    return list;
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
    return root == null ? null : root.due();
  }

  /**
   * Whether nothing about the lots changes with time from {@code asOf} on, looking back: every lot is granted by
   * then, none has an activation or an expiration due by then, and every active lot's activation is behind it. Then
   * the lots usable at {@code asOf} are exactly the active ones, whose points {@link #activeSum()} holds.
   */
  public boolean settledAt(Instant asOf) {
    if (root == null) {
      return true;
    }
    Instant due = root.due();
    Instant activation = root.lastActivation();
    return (due == null || asOf.isBefore(due)) && (activation == null || !asOf.isBefore(activation))
        && !asOf.isBefore(get(size - 1).grantedAt());
  }

  /**
   * The index of the active lot with points left that is drawn from first ({@link Lot#CONSUMPTION_ORDER}), or -1:
   * found down one path of the tree, so a debit pays for the lots it draws, not for the lots the card holds.
   */
  public int firstUsable() {
    Node node = root;
    Lot target = node == null ? null : node.usable();
    if (node == null || target == null) {
      return -1;
    }
    int index = 0;
    for (int level = shift; level > 0; level -= BITS) {
      Object[] slots = node.slots;
      int child = 0;
      while (((Node) slots[child]).usable() != target) {
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
    Instant first = root == null ? null : root.due();
    if (root == null || first == null || asOf.isBefore(first)) {
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
        d = ((Node) node.slots[i]).due();
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

  /**
   * The indexes, in order, of the lots this list holds that {@code earlier} does not hold at the same index (appended,
   * or replaced by a lot that is not equal): found by descending only where the two trees do not share a node, so for
   * a list made from {@code earlier} by appends and replacements it costs the changed lots times the tree's height,
   * not the list's size. A store uses it to write only the lots a new version of a card changed.
   *
   * @throws IllegalArgumentException when {@code earlier} is longer than this list
   */
  public int[] changedSince(LotList earlier) {
    if (earlier.size > size) {
      throw new IllegalArgumentException("the earlier list holds " + earlier.size + " lots, more than " + size);
    }
    if (root == null) {
      return new int[0];
    }
    Node then = earlier.root;
    // a list as long or longer is at least as tall: the earlier root is the first child of the roots above it
    for (int level = earlier.shift; then != null && level < shift; level += BITS) {
      then = new Node(new Object[] {then}, false);
    }
    int[] count = {0};
    int[] found = diff(root, then, shift, 0, new int[8], count);
    return Arrays.copyOf(found, count[0]);
  }

  private static int[] diff(Node now, @Nullable Node then, int level, int base, int[] found, int[] count) {
    if (now == then) {
      return found;
    }
    int[] out = found;
    for (int i = 0; i < now.slots.length; i++) {
      Object was = then != null && i < then.slots.length ? then.slots[i] : null;
      if (level > 0) {
        out = diff((Node) now.slots[i], (Node) was, level - BITS, base | (i << level), out, count);
      } else if (!now.slots[i].equals(was)) {
        if (count[0] == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[count[0]++] = base | i;
      }
    }
    return out;
  }

  /** A new path down to a leaf holding {@code chunk}. */
  private static Node path(int level, Object[] chunk) {
    return level == 0 ? new Node(chunk, true) : new Node(new Object[] {path(level - BITS, chunk)}, false);
  }

  /** Appends {@code chunk} at {@code index}, which is where the tree ends; the chunk fits the leaf it goes to. */
  private static Node append(Node node, int level, int index, Object[] chunk) {
    if (level == 0) {
      Object[] slots = Arrays.copyOf(node.slots, node.slots.length + chunk.length);
      System.arraycopy(chunk, 0, slots, node.slots.length, chunk.length);
      return new Node(slots, true);
    }
    int child = (index >>> level) & MASK;
    Object[] slots;
    if (child < node.slots.length) {
      slots = node.slots.clone();
      slots[child] = append((Node) node.slots[child], level - BITS, index, chunk);
    } else {
      slots = Arrays.copyOf(node.slots, node.slots.length + 1);
      slots[child] = path(level - BITS, chunk);
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
