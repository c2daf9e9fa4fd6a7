package io.loyalty.core.internal.load;

import io.loyalty.core.internal.decide.ProgramEntry;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The store's catalog compiled and indexed for events: every program by id, with its place in the catalog's id
 * order, and the auto-join programs (those any customer may earn in) by the trigger of their rules. It is rebuilt
 * only when {@link LoyaltyStore#catalogVersion()} reads another number, so an event reads one number, not every
 * program. Thread-safe: a catalog is immutable, and two threads rebuilding at once only do the work twice.
 */
public final class ProgramIndex {
  private final LoyaltyStore store;
  private final PlanCache plans;
  private volatile @Nullable Catalog catalog;

  /** An index of the store's catalog, compiled through {@code plans}. */
  public ProgramIndex(LoyaltyStore store, PlanCache plans) {
    this.store = store;
    this.plans = plans;
  }

  /** The catalog as the store holds it now. */
  public Catalog current() {
    return current(store.catalogVersion());
  }

  /**
   * The catalog at {@code version}, a {@link LoyaltyStore#catalogVersion()} the caller has just read: the cached one
   * when it is of that version, else the programs read again (after the version, so a write in between only rebuilds
   * again).
   */
  public Catalog current(long version) {
    Catalog cached = catalog;
    if (cached != null && cached.version == version) {
      return cached;
    }
    Catalog fresh = new Catalog(version, store.programs(), plans);
    catalog = fresh;
    return fresh;
  }

  /**
   * The program's latest definition as this index last saw the catalog (what the engine's last decision read), read
   * again only when the index has none or does not know the program; {@code null} when the store has none.
   */
  public @Nullable Program known(ProgramId id) {
    Catalog cached = catalog;
    ProgramEntry entry = cached == null ? null : cached.entry(id);
    if (entry == null) {
      entry = current().entry(id);
    }
    return entry == null ? null : entry.program();
  }

  /** The programs of one catalog version; immutable. */
  public static final class Catalog {
    private final long version;
    private final List<Program> programs;
    private final Map<ProgramId, ProgramEntry> byId;
    private final List<ProgramEntry> autoJoinOrderPaid;
    private final Map<SegmentId, List<ProgramEntry>> autoJoinBySegment;
    private final Map<String, List<ProgramEntry>> autoJoinByCustomEvent;

    private Catalog(long version, List<Program> programs, PlanCache plans) {
      this.version = version;
      this.programs = programs;
      Map<ProgramId, ProgramEntry> entries = new HashMap<>();
      List<ProgramEntry> orderPaid = new ArrayList<>();
      Map<SegmentId, List<ProgramEntry>> bySegment = new HashMap<>();
      Map<String, List<ProgramEntry>> byCustomEvent = new HashMap<>();
      for (int i = 0; i < programs.size(); i++) {
        Program program = programs.get(i);
        ProgramEntry entry = new ProgramEntry(i, program, plans.plan(program));
        entries.put(program.id(), entry);
        if (!program.autoJoin()) {
          continue; // a customer earns there only with a card, found by holder
        }
        // the triggers CompiledProgram evaluates; a program is listed once per trigger however many rules share it
        for (EarningRule rule : program.earningRules()) {
          Trigger trigger = rule.trigger();
          if (trigger instanceof Trigger.OrderPaid) {
            addOnce(orderPaid, entry);
          } else if (trigger instanceof Trigger.SegmentEntered s) {
            addOnce(bySegment.computeIfAbsent(s.segment(), k -> new ArrayList<>()), entry);
          } else if (trigger instanceof Trigger.CustomEvent c) {
            addOnce(byCustomEvent.computeIfAbsent(c.name(), k -> new ArrayList<>()), entry);
          }
        }
      }
      this.byId = Map.copyOf(entries);
      this.autoJoinOrderPaid = List.copyOf(orderPaid);
      this.autoJoinBySegment = frozen(bySegment);
      this.autoJoinByCustomEvent = frozen(byCustomEvent);
    }

    private static void addOnce(List<ProgramEntry> list, ProgramEntry entry) {
      if (list.isEmpty() || list.get(list.size() - 1) != entry) {
        list.add(entry);
      }
    }

    private static <K> Map<K, List<ProgramEntry>> frozen(Map<K, List<ProgramEntry>> byKey) {
      Map<K, List<ProgramEntry>> frozen = new HashMap<>();
      byKey.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return Map.copyOf(frozen);
    }

    /**
     * This catalog with {@code candidate} in place of the program with its id (or added, in id order, when there is
     * none): what a quote under a candidate definition plans against. Built whole; not cached.
     */
    public Catalog with(Program candidate, PlanCache plans) {
      List<Program> list = new ArrayList<>(programs.size() + 1);
      boolean placed = false;
      for (Program program : programs) {
        int c = program.id().value().compareTo(candidate.id().value());
        if (!placed && c >= 0) {
          list.add(candidate);
          placed = true;
          if (c == 0) {
            continue;
          }
        }
        list.add(program);
      }
      if (!placed) {
        list.add(candidate);
      }
      return new Catalog(version, List.copyOf(list), plans);
    }

    /** The program with this id, or {@code null} when the catalog has none. */
    public @Nullable ProgramEntry entry(ProgramId id) {
      return byId.get(id);
    }

    /** The auto-join programs with a rule the event triggers, in id order; empty for a refund. */
    public List<ProgramEntry> autoJoin(LoyaltyEvent event) {
      if (event instanceof OrderPaid) {
        return autoJoinOrderPaid;
      } else if (event instanceof SegmentEntered s) {
        return autoJoinBySegment.getOrDefault(s.segment(), List.of());
      } else if (event instanceof CustomEvent custom) {
        return autoJoinByCustomEvent.getOrDefault(custom.eventName(), List.of());
      }
      return List.of();
    }
  }
}
