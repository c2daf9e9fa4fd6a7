package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory outbox: committed events in commit order, in append-only arrays of chunks, and each consumer's
 * acknowledgements as a bit set of positions. A commit appends all its events in one short critical section while it
 * holds the locks of the keys it writes, so a card's events are in the order its changes were committed. Readers see
 * every event up to the published size.
 *
 * <p>Most events are a ledger entry's ({@code entry:<card>#<seq>}, of the entry's type, with the entry as payload).
 * Such an event is kept as the entry itself, which the card's ledger holds anyway, with its program and instant (shared
 * by the commit's events), and is built again when read: equal to the event written, at about a tenth of its memory.
 *
 * <p>Each consumer's state is guarded by its own lock (taken before this log's): its acknowledgements, the position
 * below which all are acknowledged (where reads start), and its <em>lines</em> (cards) that a relay holds under a lease
 * or whose first event failed; a line that is neither is not kept.
 */
final class OutboxLog {
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK = 1 << CHUNK_BITS;

  /** Per position: the event, or the ledger entry of an entry event. */
  private Object[][] chunks = new Object[16][];
  /** Per position of an entry event: its program and instant; unused for other events. */
  private ProgramId[][] programs = new ProgramId[16][];
  private Instant[][] instants = new Instant[16][];
  /** Per position: the hash of the event's id. */
  private int[][] hashes = new int[16][];
  /** How many events are appended; written last in {@link #append}, so a reader that sees it sees them. */
  private volatile int size;
  /**
   * Event ids to positions: an open-addressing table of (position + 1), 0 for a free cell, probed by the id's hash and
   * checked against the hash kept for the position, then the id (no entry objects, no boxed positions). Guarded by
   * this log.
   */
  private int[] idTable = new int[1 << 12];
  private int idCount;
  /** Each consumer's acknowledgements and lines. */
  private final ConcurrentHashMap<String, Consumer> consumers = new ConcurrentHashMap<>();

  /** The id of the first of these events that the log holds already, or {@code null}: one lock for them all. */
  synchronized @Nullable String firstTaken(List<OutboxEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      String id = events.get(i).id();
      if (position(id) >= 0) {
        return id;
      }
    }
    return null;
  }

  /** The position of the event with this id, or -1. Callers hold this log's lock. */
  private int position(String id) {
    int mask = idTable.length - 1;
    int hash = id.hashCode();
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int cell = idTable[i];
      if (cell == 0) {
        return -1;
      }
      int at = cell - 1;
      if (hashes[at >>> CHUNK_BITS][at & (CHUNK - 1)] == hash && idAt(chunks, at).equals(id)) {
        return at;
      }
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  private void index(int hash, int at) {
    if (2 * (idCount + 1) > idTable.length) {
      int[] old = idTable;
      idTable = new int[old.length * 2];
      for (int cell : old) {
        if (cell != 0) {
          place(hashes[(cell - 1) >>> CHUNK_BITS][(cell - 1) & (CHUNK - 1)], cell);
        }
      }
    }
    place(hash, at + 1);
    idCount++;
  }

  private void place(int hash, int cell) {
    int mask = idTable.length - 1;
    int i = spread(hash) & mask;
    while (idTable[i] != 0) {
      i = (i + 1) & mask;
    }
    idTable[i] = cell;
  }

  /** Appends a commit's events, checked unique beforehand under the commit's locks. */
  synchronized void append(List<OutboxEvent> events) {
    int at = size;
    for (int i = 0; i < events.size(); i++) {
      OutboxEvent event = events.get(i);
      int chunk = at >>> CHUNK_BITS;
      if (chunk == chunks.length) {
        int grown = chunks.length * 2;
        chunks = java.util.Arrays.copyOf(chunks, grown);
        programs = java.util.Arrays.copyOf(programs, grown);
        instants = java.util.Arrays.copyOf(instants, grown);
        hashes = java.util.Arrays.copyOf(hashes, grown);
      }
      if (chunks[chunk] == null) {
        chunks[chunk] = new Object[CHUNK];
        programs[chunk] = new ProgramId[CHUNK];
        instants[chunk] = new Instant[CHUNK];
        hashes[chunk] = new int[CHUNK];
      }
      int slot = at & (CHUNK - 1);
      LedgerEntry entry = entryOf(event);
      if (entry != null) {
        chunks[chunk][slot] = entry;
        programs[chunk][slot] = event.program();
        instants[chunk][slot] = event.at();
      } else {
        chunks[chunk][slot] = event;
      }
      int hash = event.id().hashCode();
      hashes[chunk][slot] = hash;
      index(hash, at);
      at++;
    }
    size = at;
  }

  /** The entry of an event that is exactly its entry's event (its id, type, card and payload), else {@code null}. */
  private static @Nullable LedgerEntry entryOf(OutboxEvent event) {
    if (event.payload() instanceof OutboxEvent.Transaction t) {
      LedgerEntry entry = t.entry();
      if (event.type() == OutboxEvent.Type.of(entry.type()) && event.card().equals(entry.card())
          && isEntryId(event.id(), entry)) {
        return entry;
      }
    }
    return null;
  }

  /** Whether the id is {@code entry:<card>#<seq>} of this entry, read without building it. */
  private static boolean isEntryId(String id, LedgerEntry entry) {
    String code = entry.card().value();
    String seq = Long.toString(entry.seq());
    return id.length() == 6 + code.length() + 1 + seq.length() && id.startsWith("entry:")
        && id.startsWith(code, 6) && id.charAt(6 + code.length()) == '#' && id.endsWith(seq);
  }

  private static String entryId(LedgerEntry entry) {
    return "entry:" + entry.card().value() + "#" + entry.seq();
  }

  private static String idAt(Object[][] c, int at) {
    Object stored = c[at >>> CHUNK_BITS][at & (CHUNK - 1)];
    return stored instanceof LedgerEntry entry ? entryId(entry) : ((OutboxEvent) stored).id();
  }

  private static OutboxEvent.Type typeAt(Object stored) {
    return stored instanceof LedgerEntry entry ? OutboxEvent.Type.of(entry.type()) : ((OutboxEvent) stored).type();
  }

  /** The event at a position below the published size, built again from its entry for an entry event. */
  private static OutboxEvent eventAt(Object[][] c, ProgramId[][] p, Instant[][] t, int at) {
    Object stored = c[at >>> CHUNK_BITS][at & (CHUNK - 1)];
    return stored instanceof LedgerEntry entry
        ? new OutboxEvent(entryId(entry), OutboxEvent.Type.of(entry.type()), entry.card(),
            p[at >>> CHUNK_BITS][at & (CHUNK - 1)], t[at >>> CHUNK_BITS][at & (CHUNK - 1)],
            new OutboxEvent.Transaction(entry))
        : (OutboxEvent) stored;
  }

  private static CardCode cardAt(Object[][] c, int at) {
    Object stored = c[at >>> CHUNK_BITS][at & (CHUNK - 1)];
    return stored instanceof LedgerEntry entry ? entry.card() : ((OutboxEvent) stored).card();
  }

  /** The published size with the arrays of chunks as of that size (chunks are never moved, only the arrays grow). */
  private synchronized View view() {
    return new View(size, chunks, programs, instants);
  }

  private record View(int size, Object[][] chunks, ProgramId[][] programs, Instant[][] instants) {
    OutboxEvent event(int at) {
      return eventAt(chunks, programs, instants, at);
    }
  }

  private Consumer consumer(String name) {
    return consumers.computeIfAbsent(OutboxStore.checkConsumer(name), k -> new Consumer());
  }

  List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    View v = view();
    Consumer state = consumer(consumer);
    List<OutboxEvent> pending = new ArrayList<>();
    synchronized (state) {
      for (int at = state.low(v.size()); at < v.size() && pending.size() < limit; at++) {
        Object stored = v.chunks()[at >>> CHUNK_BITS][at & (CHUNK - 1)];
        if ((types.isEmpty() || types.contains(typeAt(stored))) && !state.acks.get(at)) {
          pending.add(v.event(at));
        }
      }
    }
    return pending;
  }

  void acknowledge(String consumer, Collection<String> ids) {
    Consumer state = consumer(consumer);
    synchronized (state) {
      acknowledge(state, ids);
    }
  }

  /** Sets the acknowledgements and clears the failure of a line whose failed event is among them. Holds the state. */
  private void acknowledge(Consumer state, Collection<String> ids) {
    Object[][] c = view().chunks();
    for (String id : ids) {
      int position;
      synchronized (this) {
        position = position(id);
      }
      if (position >= 0 && !state.acks.get(position)) {
        state.acks.set(position);
        CardCode card = cardAt(c, position);
        Line line = state.lines.get(card);
        if (line != null && line.failed == position) {
          line.clearFailure();
          state.dropIfIdle(card, line);
        }
      }
    }
  }

  List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    OutboxStore.checkClaim(consumer, owner, limit, now, lease);
    Instant until = plus(now, lease);
    View v = view();
    Consumer state = consumer(consumer);
    List<ClaimedEvent> claimed = new ArrayList<>();
    synchronized (state) {
      Set<CardCode> skipped = new HashSet<>();
      Map<CardCode, @Nullable Line> taken = new HashMap<>();
      for (int at = state.low(v.size()); at < v.size() && claimed.size() < limit; at++) {
        if (state.acks.get(at)) {
          continue;
        }
        CardCode card = cardAt(v.chunks(), at);
        if (skipped.contains(card)) {
          continue;
        }
        Line line = state.lines.get(card);
        if (!taken.containsKey(card)) {
          if (line != null && !line.claimableBy(owner, now)) {
            skipped.add(card); // the line's first unacknowledged event is not ours: none of its later ones are
            continue;
          }
          taken.put(card, line);
        }
        claimed.add(new ClaimedEvent(v.event(at), line != null && line.failed == at ? line.failures : 0));
      }
      for (Map.Entry<CardCode, @Nullable Line> e : taken.entrySet()) {
        Line line = e.getValue() != null ? e.getValue() : new Line();
        line.owner = owner;
        line.leaseUntil = until;
        state.lines.put(e.getKey(), line);
      }
    }
    return claimed;
  }

  private static Instant plus(Instant now, Duration lease) {
    try {
      return now.plus(lease);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    OutboxStore.checkOwner(owner);
    Consumer state = consumer(consumer);
    synchronized (state) {
      acknowledge(state, delivered);
      Object[][] c = view().chunks();
      for (DeliveryFailure failure : failures) {
        int position;
        synchronized (this) {
          position = position(failure.eventId());
        }
        if (position < 0 || state.acks.get(position)) {
          continue;
        }
        Line line = state.lines.get(cardAt(c, position));
        if (line != null && owner.equals(line.owner)) {
          line.fail(position, failure);
        }
      }
      state.lines.entrySet().removeIf(e -> e.getValue().release(owner));
    }
  }

  List<DeadLetter> deadLetters(String consumer, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    View v = view();
    Consumer state = consumer(consumer);
    List<DeadLetter> dead = new ArrayList<>();
    synchronized (state) {
      List<Line> lines = new ArrayList<>();
      for (Line line : state.lines.values()) {
        if (line.dead) {
          lines.add(line);
        }
      }
      lines.sort(java.util.Comparator.comparingInt(l -> l.failed));
      for (Line line : lines.subList(0, Math.min(limit, lines.size()))) {
        dead.add(new DeadLetter(v.event(line.failed), line.failures, Objects.requireNonNull(line.failedAt),
            Objects.requireNonNull(line.reason)));
      }
    }
    return dead;
  }

  int requeue(String consumer, Collection<String> ids) {
    Consumer state = consumer(consumer);
    int requeued = 0;
    synchronized (state) {
      Object[][] c = view().chunks();
      for (String id : ids) {
        int position;
        synchronized (this) {
          position = position(id);
        }
        if (position < 0) {
          continue;
        }
        CardCode card = cardAt(c, position);
        Line line = state.lines.get(card);
        if (line != null && line.dead && line.failed == position) {
          line.clearFailure();
          state.dropIfIdle(card, line);
          requeued++;
        }
      }
    }
    return requeued;
  }

  /** One consumer's acknowledgements (a bit per position) and its lines that are leased or failed. Guarded by itself. */
  private static final class Consumer {
    final BitSet acks = new BitSet();
    /** Only lines that are leased or hold a failure; a line with neither is dropped. */
    final Map<CardCode, Line> lines = new HashMap<>();
    /** Every position below it is acknowledged. */
    private int low;

    int low(int size) {
      low = Math.min(acks.nextClearBit(low), size);
      return low;
    }

    void dropIfIdle(CardCode card, Line line) {
      if (line.owner == null && line.failed < 0) {
        lines.remove(card);
      }
    }
  }

  /** A card's line for one consumer: who holds it until when, and its first event's failures. */
  private static final class Line {
    @Nullable String owner;
    @Nullable Instant leaseUntil;
    /** The position of the failed event, -1 for none. */
    int failed = -1;
    int failures;
    @Nullable Instant retryAt;
    boolean dead;
    @Nullable Instant failedAt;
    @Nullable String reason;

    boolean claimableBy(String claimer, Instant now) {
      boolean free = owner == null || leaseUntil == null || !leaseUntil.isAfter(now) || owner.equals(claimer);
      return free && !dead && (retryAt == null || !retryAt.isAfter(now));
    }

    void fail(int position, DeliveryFailure failure) {
      failures = (failed == position ? failures : 0) + 1;
      failed = position;
      retryAt = failure.retryAt();
      dead = failure.deadLetters();
      failedAt = failure.at();
      reason = failure.reason();
    }

    void clearFailure() {
      failed = -1;
      failures = 0;
      retryAt = null;
      dead = false;
      failedAt = null;
      reason = null;
    }

    /** Releases the line if the owner holds it; whether it is then idle (to be dropped). */
    boolean release(String releaser) {
      if (releaser.equals(owner)) {
        owner = null;
        leaseUntil = null;
      }
      return owner == null && failed < 0;
    }
  }
}
