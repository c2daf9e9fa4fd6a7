package io.loyalty.core.internal.memory;

import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory outbox: committed events in commit order, in an append-only array of chunks, and each consumer's
 * acknowledgements as a bit set of positions. A commit appends all its events in one short critical section while it
 * holds the locks of the keys it writes, so a card's events are in the order its changes were committed. Readers see
 * every event up to the published size.
 */
final class OutboxLog {
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private OutboxEvent[][] chunks = new OutboxEvent[16][];
  /** How many events are appended; written last in {@link #append}, so a reader that sees it sees them. */
  private volatile int size;
  /**
   * Event ids to positions: an open-addressing table of (position + 1), 0 for a free cell, probed by the id's hash and
   * checked against the event stored at the position (no entry objects, no boxed positions). Guarded by this log.
   */
  private int[] idTable = new int[1 << 12];
  private int idCount;
  private final ConcurrentHashMap<String, BitSet> acknowledged = new ConcurrentHashMap<>();

  synchronized boolean contains(String id) {
    return position(id) >= 0;
  }

  /** The position of the event with this id, or -1. Callers hold this log's lock. */
  private int position(String id) {
    int mask = idTable.length - 1;
    for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      int cell = idTable[i];
      if (cell == 0) {
        return -1;
      }
      int at = cell - 1;
      if (chunks[at >>> CHUNK_BITS][at & (CHUNK - 1)].id().equals(id)) {
        return at;
      }
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  private void index(String id, int at) {
    if (2 * (idCount + 1) > idTable.length) {
      int[] old = idTable;
      idTable = new int[old.length * 2];
      for (int cell : old) {
        if (cell != 0) {
          place(chunks[(cell - 1) >>> CHUNK_BITS][(cell - 1) & (CHUNK - 1)].id(), cell);
        }
      }
    }
    place(id, at + 1);
    idCount++;
  }

  private void place(String id, int cell) {
    int mask = idTable.length - 1;
    int i = spread(id.hashCode()) & mask;
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
        chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
      }
      if (chunks[chunk] == null) {
        chunks[chunk] = new OutboxEvent[CHUNK];
      }
      chunks[chunk][at & (CHUNK - 1)] = event;
      index(event.id(), at);
      at++;
    }
    size = at;
  }

  List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    int n = size;
    OutboxEvent[][] c;
    synchronized (this) {
      c = chunks; // the array of chunks as of that size (chunks are never moved, only the array grows)
    }
    BitSet acks = acknowledged.get(consumer);
    List<OutboxEvent> pending = new ArrayList<>();
    for (int p = 0; p < n && pending.size() < limit; p++) {
      OutboxEvent event = c[p >>> CHUNK_BITS][p & (CHUNK - 1)];
      if ((types.isEmpty() || types.contains(event.type())) && !acked(acks, p)) {
        pending.add(event);
      }
    }
    return pending;
  }

  private static boolean acked(@org.jspecify.annotations.Nullable BitSet acks, int position) {
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
