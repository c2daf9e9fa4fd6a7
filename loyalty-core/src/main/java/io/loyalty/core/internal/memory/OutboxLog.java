package io.loyalty.core.internal.memory;

import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
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
  private final ConcurrentHashMap<String, BitSet> acknowledged = new ConcurrentHashMap<>();

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

  List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    int n = size;
    Object[][] c;
    ProgramId[][] p;
    Instant[][] t;
    synchronized (this) {
      c = chunks; // the arrays of chunks as of that size (chunks are never moved, only the arrays grow)
      p = programs;
      t = instants;
    }
    BitSet acks = acknowledged.get(consumer);
    List<OutboxEvent> pending = new ArrayList<>();
    for (int at = 0; at < n && pending.size() < limit; at++) {
      Object stored = c[at >>> CHUNK_BITS][at & (CHUNK - 1)];
      if ((types.isEmpty() || types.contains(typeAt(stored))) && !acked(acks, at)) {
        pending.add(stored instanceof LedgerEntry entry
            ? new OutboxEvent(entryId(entry), OutboxEvent.Type.of(entry.type()), entry.card(),
                p[at >>> CHUNK_BITS][at & (CHUNK - 1)], t[at >>> CHUNK_BITS][at & (CHUNK - 1)],
                new OutboxEvent.Transaction(entry))
            : (OutboxEvent) stored);
      }
    }
    return pending;
  }

  private static boolean acked(@Nullable BitSet acks, int position) {
    if (acks == null) {
      return false;
    }
    synchronized (acks) {
      return acks.get(position);
    }
  }

  void acknowledge(String consumer, Collection<String> ids) {
    OutboxStore.checkConsumer(consumer);
    BitSet acks = acknowledged.computeIfAbsent(consumer, k -> new BitSet());
    for (String id : ids) {
      int position;
      synchronized (this) {
        position = position(id);
      }
      if (position >= 0) {
        synchronized (acks) {
          acks.set(position);
        }
      }
    }
  }
}
