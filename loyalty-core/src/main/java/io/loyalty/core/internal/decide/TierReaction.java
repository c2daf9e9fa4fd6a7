package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.TierTimeline;
import io.loyalty.core.internal.eval.Tiers;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The tier step of every commit, in one place for every operation (digest sections 5.8 and 6): for each card the
 * change set writes, its tier state is carried through the change's entries and the clock ({@link TierTimeline}),
 * and each move between tiers, and each prolonged term, becomes an outbox event. It runs after auto-redeem, which
 * the decision already put in the change set, so only the net move of a change counts. Pure.
 */
public final class TierReaction {
  /**
   * How many generations of tier-triggered earnings may follow an ordinary change: a move of this cascade or more
   * fires no rule ({@link io.loyalty.spi.earning.SkipReason#TIER_CASCADE_LIMIT}). Points from tier rules only raise
   * a balance, so a cascade ends by itself once the tiers run out; the bound also ends one that auto-redeem or a
   * term's rules could keep going.
   */
  public static final int MAX_CASCADE = 3;

  private TierReaction() {}

  /** The change set with its cards' tier states carried forward, and the tier events it causes, in order. */
  public record Result(ChangeSet changes, List<OutboxEvent> events) {}

  /** Carries every written card's tiers to {@code at}; {@code programs} gives the definitions (null: not known). */
  public static Result stage(ChangeSet changes, Instant at, Function<ProgramId, @Nullable Program> programs) {
    List<CardWrite> cards = changes.cards();
    List<OutboxEvent> events = new ArrayList<>(0);
    List<CardWrite> staged = null;
    int cascade = changes.receipt() != null && changes.receipt().event() instanceof io.loyalty.spi.event.TierMoved moved
        ? moved.cascade() + 1 : 0;
    for (int c = 0; c < cards.size(); c++) {
      Card card = cards.get(c).card();
      if (card.holder() == null || firstWriteOf(cards, card, c) != c) {
        continue;
      }
      Program program = programs.apply(card.program());
      io.loyalty.spi.tier.TierStructure structure = program == null ? null : program.tierStructure();
      if (program == null || (structure == null && program.tiers().isEmpty())
          || (structure != null && !card.wallet().equals(structure.tracking().wallet()))) {
        continue;
      }
      List<LedgerEntry> entries = new ArrayList<>();
      for (LedgerEntry entry : changes.entries()) {
        if (entry.card().equals(card.code())) {
          entries.add(entry);
        }
      }
      boolean joined = false;
      for (OutboxEvent e : changes.events()) {
        joined |= e.type() == Type.MEMBER_JOINED && e.card().equals(card.code());
      }
      Card base = cards.get(c).base();
      if (structure != null) {
        staged = restage(staged, cards, c, card, StructureReaction.stage(program, structure, card,
            base == null ? card.tiers() : base.tiers(), entries, joined, at, cascade, customerOf(changes), events));
        continue;
      }
      if (!TierTimeline.stateful(program, card.tiers())
          && (base == null || !TierTimeline.stateful(program, base.tiers()))) {
        balanceMove(program, card, entries, joined, at, cascade, events);
        continue;
      }
      TierState state = terms(program, card, base == null ? card.tiers() : base.tiers(), entries, joined, at, cascade,
          events);
      staged = restage(staged, cards, c, card, state);
    }
    ChangeSet out = staged == null ? changes : new ChangeSet(changes.programs(), staged, changes.entries(),
        changes.receipt(), changes.rewards(), changes.redemptions(), changes.events(), changes.components(),
        changes.members());
    return new Result(out, events);
  }

  /** The writes with every write of {@code card} from {@code c} on carrying {@code state}. */
  private static List<CardWrite> restage(@Nullable List<CardWrite> staged, List<CardWrite> cards, int c, Card card,
      TierState state) {
    List<CardWrite> out = staged == null ? new ArrayList<>(cards) : staged;
    for (int w = c; w < cards.size(); w++) {
      CardWrite write = cards.get(w);
      if (write.card().code().equals(card.code())) {
        out.set(w, new CardWrite(write.card().withTiers(state), write.expectedVersion(), write.base()));
      }
    }
    return out;
  }

  /** The host's view of the customer the change's event carries (its segments), {@code null} for none. */
  private static io.loyalty.spi.event.@Nullable Customer customerOf(ChangeSet changes) {
    if (changes.receipt() == null) {
      return null;
    }
    io.loyalty.spi.event.LoyaltyEvent event = changes.receipt().event();
    return event instanceof io.loyalty.spi.event.TierMoved ? null : event.customer();
  }

  private static int firstWriteOf(List<CardWrite> cards, Card card, int upTo) {
    for (int i = 0; i < upTo; i++) {
      if (cards.get(i).card().code().equals(card.code())) {
        return i;
      }
    }
    return upTo;
  }

  /**
   * {@code BALANCE_DROP}: one event when the change moved the card between tiers, the tier of the balance before
   * its first entry against the tier of its balance after the last (a new member had none before).
   */
  private static void balanceMove(Program program, Card card, List<LedgerEntry> entries, boolean joined, Instant at,
      int cascade, List<OutboxEvent> events) {
    if (!joined && entries.isEmpty()) {
      return; // no balance changed
    }
    LedgerEntry first = entries.isEmpty() ? null : entries.get(0);
    LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
    Tier before = joined || first == null ? null : Tiers.at(program, first.balanceAfter() - first.points());
    long balance = last == null ? card.ledgerBalance() : last.balanceAfter();
    Tier after = Tiers.at(program, balance);
    if (before != after) {
      events.add(event(program, card, last == null ? card.lastSeq() : last.seq(), move(program, before, after),
          new OutboxEvent.TierChange(holder(card), idOf(before), idOf(after), balance, null, null, cascade), at));
    }
  }

  /**
   * A policy with terms: the state carried through each entry (settled to its instant, then qualified), then to
   * {@code at}; the moves are read from the terms at every instant a term starts or ends, or an entry lands.
   */
  private static TierState terms(Program program, Card card, @Nullable TierState before, List<LedgerEntry> entries,
      boolean joined, Instant at,
      int cascade, List<OutboxEvent> events) {
    // before: the state as read (the write's base); the write's own state may add to it (a host's override)
    Instant from = before == null ? (entries.isEmpty() ? at : min(entries.get(0).at(), at)) : before.asOf();
    TierState written = card.tiers();
    TierState state = written != null ? written : new TierState(from, null, 0, List.of());
    ToLongFunction<Instant> balanceAt = balances(card, entries);
    if (before == null && written == null && !joined && TierTimeline.keepsTerms(program)) {
      state = TierTimeline.seeded(program, state, balanceAt.applyAsLong(from), from); // kept as it was (6.4)
    }
    List<TierTimeline.Prolonged> prolonged = new ArrayList<>(0);
    if (TierTimeline.keepsTerms(program)) {
      boolean onBalance = program.tierPolicy().qualification() == io.loyalty.spi.tier.TierPolicy.Qualification.BALANCE;
      for (int i = 0; i < entries.size(); i++) {
        LedgerEntry entry = entries.get(i);
        if (onBalance && i + 1 < entries.size() && entries.get(i + 1).at().equals(entry.at())) {
          continue; // the balance qualifies as it stands after everything at an instant, as a read then sees it
        }
        state = TierTimeline.record(program, state, entry, balanceAt, prolonged);
      }
      state = TierTimeline.settle(program, state, at, balanceAt,
          entries.isEmpty() ? TierTimeline.activations(card, state.asOf(), at) : List.of(), prolonged);
    }
    if (state.asOf().isBefore(at)) {
      state = state.with(at, state.periodStart(), state.periodPoints(), state.grants());
    }
    // the instants at which the tier may have changed, in order
    TreeSet<Instant> marks = new TreeSet<>();
    for (TierState.Grant g : state.grants()) {
      mark(marks, g.start(), from, at);
      mark(marks, g.end(), from, at);
    }
    for (LedgerEntry entry : entries) {
      mark(marks, entry.at(), from, at);
    }
    for (TierState.Override o : state.overrides()) {
      mark(marks, o.from(), from, at);
      if (o.until() != null) {
        mark(marks, o.until(), from, at);
      }
    }
    marks.add(at);
    Tier held = joined ? null : TierTimeline.heldAt(program, before, balanceAt.applyAsLong(from), from);
    long balance = entries.isEmpty() ? card.ledgerBalance() : entries.get(entries.size() - 1).balanceAfter();
    List<Pending> found = new ArrayList<>();
    for (Instant mark : marks) {
      Tier now = TierTimeline.heldAt(program, state, balanceAt.applyAsLong(mark), mark);
      if (now != held) {
        found.add(new Pending(mark, move(program, held, now), idOf(held), idOf(now),
            TierTimeline.expiresAt(program, state, mark)));
        held = now;
      }
    }
    for (TierTimeline.Prolonged p : prolonged) {
      Tier kept = TierTimeline.heldAt(program, state, balanceAt.applyAsLong(p.at()), p.at());
      if (kept == null || !kept.id().equals(p.tier())) {
        continue; // a term the member does not hold now (a host's override sets another tier): no news
      }
      found.add(new Pending(p.at(), Type.TIER_PROLONGED, p.tier(), p.tier(), p.newEnd()));
      found.add(new Pending(p.at(), Type.TIER_EXPIRATION_CHANGED, p.tier(), p.tier(), p.newEnd()));
    }
    found.sort(Comparator.comparing(Pending::at)); // stable: a move before the prolonging it meets at one instant
    for (int i = 0; i < found.size(); i++) {
      Pending p = found.get(i);
      events.add(termEvent(program, card, i, p.type(), new OutboxEvent.TierChange(holder(card), p.from(), p.to(),
          balance, p.at().equals(at) ? null : p.at(), p.expiresAt(), cascade), at));
    }
    return state;
  }

  /**
   * An event of a policy with terms, named by the card's version this write makes and its place among the write's
   * tier events: a write may move tiers without an entry (a term that ended), so the last entry cannot name it.
   */
  static OutboxEvent termEvent(Program program, Card card, int index, Type type, OutboxEvent.TierChange change,
      Instant at) {
    return new OutboxEvent("tier:" + card.code().value() + "@" + card.version() + "." + index, type, card.code(),
        program.id(), at, change);
  }

  private record Pending(Instant at, Type type, @Nullable TierId from, @Nullable TierId to,
      @Nullable Instant expiresAt) {}

  /**
   * The balance at an instant of the change: the balance after the last entry at or before it, or before the first
   * entry (entries record activations and expirations at the instants they fell due, so between two entries the
   * balance stands); with no entries, the card's own.
   */
  static ToLongFunction<Instant> balances(Card card, List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return card::balanceAt;
    }
    return instant -> {
      LedgerEntry first = entries.get(0);
      long balance = first.balanceAfter() - first.points();
      for (LedgerEntry entry : entries) {
        if (entry.at().isAfter(instant)) {
          break;
        }
        balance = entry.balanceAfter();
      }
      return balance;
    };
  }

  private static void mark(TreeSet<Instant> marks, Instant instant, Instant from, Instant to) {
    if (instant.isAfter(from) && !instant.isAfter(to)) {
      marks.add(instant);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Type move(Program program, @Nullable Tier before, @Nullable Tier after) {
    return before == null ? Type.TIER_JOINED : after == null ? Type.TIER_LEFT
        : program.tiers().indexOf(after) > program.tiers().indexOf(before) ? Type.TIER_UPGRADED : Type.TIER_DOWNGRADED;
  }

  private static @Nullable TierId idOf(@Nullable Tier tier) {
    return tier == null ? null : tier.id();
  }

  private static CustomerId holder(Card card) {
    return Objects.requireNonNull(card.holder(), "checked: a member's card");
  }

  /** A {@code BALANCE_DROP} move's event, named by the card's last entry here, so a retried change derives it again. */
  private static OutboxEvent event(Program program, Card card, long seq, Type type, OutboxEvent.TierChange change,
      Instant at) {
    return new OutboxEvent("tier:" + card.code().value() + "#" + seq, type, card.code(), program.id(), at, change);
  }
}
