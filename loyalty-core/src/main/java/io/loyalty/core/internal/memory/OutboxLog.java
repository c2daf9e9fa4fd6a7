package io.loyalty.core.internal.memory;

import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory outbox: committed events in commit order, and each consumer's acknowledgements. A commit appends
 * under the locks of the keys it writes, so a card's events are in the order its changes were committed.
 */
final class OutboxLog {
  private final ConcurrentSkipListMap<Long, OutboxEvent> log = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, Long> positions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  boolean contains(String id) {
    return positions.containsKey(id);
  }

  /** Appends a commit's events, checked unique beforehand under the commit's locks. */
  void append(List<OutboxEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      OutboxEvent event = events.get(i);
      long position = next.incrementAndGet();
      log.put(position, event);
      positions.put(event.id(), position);
    }
  }

  List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    Set<Long> acks = acknowledged.getOrDefault(consumer, Set.of());
    List<OutboxEvent> pending = new ArrayList<>();
    for (var e : log.entrySet()) {
      if ((types.isEmpty() || types.contains(e.getValue().type())) && !acks.contains(e.getKey())) {
        pending.add(e.getValue());
        if (pending.size() == limit) {
          break;
        }
      }
    }
    return pending;
  }

  void acknowledge(String consumer, Collection<String> ids) {
    OutboxStore.checkConsumer(consumer);
    Set<Long> acks = acknowledged.computeIfAbsent(consumer, c -> ConcurrentHashMap.newKeySet());
    for (String id : ids) {
      Long position = positions.get(id);
      if (position != null) {
        acks.add(position);
      }
    }
  }
}
