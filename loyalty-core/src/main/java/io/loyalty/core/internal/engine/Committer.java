package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.Outbox;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.ChangeSetWriter;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.Program;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's single commit point: every operation's change set goes to the store with the events it causes
 * ({@link Outbox}), and once it is applied those events go to the engine's own consumers (fulfilment and
 * revocation). A crash between the two loses nothing: the events are committed and stay pending until consumed.
 * Thread-safe.
 */
final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
  private final ChangeSetWriter store;
  private final EngineClock clock;
  private volatile Consumer<List<OutboxEvent>> consumers = events -> {};
  private volatile Function<ProgramId, @Nullable Program> programs = id -> null;

  Committer(ChangeSetWriter store, EngineClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Sets what runs on the events of every applied change set (wired once, after the operations exist). */
  void afterCommit(Consumer<List<OutboxEvent>> consumers) {
    this.consumers = Objects.requireNonNull(consumers, "consumers");
  }

  /** Sets where the definitions whose tiers the events follow come from (wired once, with the loader). */
  void programs(Function<ProgramId, @Nullable Program> programs) {
    this.programs = Objects.requireNonNull(programs, "programs");
  }

  /** Commits the change set with its events; runs the consumers on them when it was applied. */
  CommitResult commit(ChangeSet changes) {
    return commit(changes, List.of());
  }

  /**
   * As {@link #commit(ChangeSet)}, with the definitions the change was decided under: its tier step follows them
   * (then a program the change set writes, then the engine's catalog), not a catalog an earlier decision read.
   */
  CommitResult commit(ChangeSet changes, List<Program> decidedUnder) {
    Instant now = clock.now();
    Function<ProgramId, @Nullable Program> lookup = programs;
    if (!decidedUnder.isEmpty() || !changes.programs().isEmpty()) {
      lookup = id -> {
        for (Program p : decidedUnder) {
          if (p.id().equals(id)) {
            return p;
          }
        }
        for (io.loyalty.spi.store.ProgramWrite w : changes.programs()) {
          if (w.program().id().equals(id)) {
            return w.program();
          }
        }
        return programs.apply(id);
      };
    }
    io.loyalty.core.internal.decide.TierReaction.Result tiers =
        io.loyalty.core.internal.decide.TierReaction.stage(changes, now, lookup);
    ChangeSet staged = tiers.changes();
    List<OutboxEvent> events = Outbox.derive(staged, now, tiers.events());
    CommitResult result = store.commit(events == staged.events() ? staged : staged.withEvents(events));
    if (result.applied() && !events.isEmpty()) {
      try {
        consumers.accept(events);
      } catch (RuntimeException e) {
        // committed either way: what the consumers left undone stays pending in the outbox (recoverOutbox)
        LOG.warn("an outbox consumer failed after a commit ({}); its events stay pending", e.getClass().getName());
      }
    }
    return result;
  }
}
