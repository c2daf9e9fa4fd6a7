package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.StructureTimeline;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import io.loyalty.spi.tier.TierState;
import io.loyalty.spi.tier.TierState.Standing;
import io.loyalty.spi.tier.TierStructure;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The tier step of a commit for a loyalty v2 program's tier structure, on the member's card of the structure's
 * wallet: its state carried through the change's entries and the clock ({@link StructureTimeline}), and each new
 * standing that moves the member (or prolongs its tier) an outbox event in the v1 tier events' shape, naming the
 * structure. Pure; part of {@link TierReaction}, so every operation's commit runs it.
 */
final class StructureReaction {
  private StructureReaction() {}

  /**
   * The card's state after the change, its events appended to {@code events}.
   *
   * @param before the state as read (the write's base), {@code null} for a card not evaluated yet
   * @param customer the host's view of the customer of the change's event (its segments), {@code null} for none
   */
  static TierState stage(Program program, TierStructure s, Card card, @Nullable TierState before,
      List<LedgerEntry> entries, boolean joined, Instant at, int cascade, @Nullable Customer customer,
      List<OutboxEvent> events) {
    boolean earned = s.tracking().type() == TierStructure.Type.POINT_EARNED;
    NavigableMap<Instant, Long> changes = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      long points = earned ? io.loyalty.core.internal.eval.TierTimeline.earned(entry) : 0;
      changes.merge(entry.at(), points, Math::addExact);
    }
    TierState base = before == null || before.structure() == null ? null : before;
    boolean fresh = base == null;
    if (base == null) {
      Instant first = changes.isEmpty() || changes.firstKey().isAfter(at) ? at : changes.firstKey();
      base = StructureTimeline.fresh(first.minusNanos(1)); // just before the card's first change: every one counts
    }
    List<SegmentId> segments = customer != null && customer.id().equals(card.holder())
        ? StructureTimeline.named(s, customer.segments()) : null;
    TierState state = StructureTimeline.advance(s, program.zone(), base, at, changes,
        TierReaction.balances(card, entries), joined || fresh ? at : null, segments);
    List<Standing> was = base.structure() == null ? List.of() : base.structure().standings();
    List<Standing> now = Objects.requireNonNull(state.structure(), "a structure's state").standings();
    long balance = entries.isEmpty() ? card.ledgerBalance() : entries.get(entries.size() - 1).balanceAfter();
    int index = 0;
    for (int i = was.size(); i < now.size(); i++) {
      Standing previous = i == 0 ? null : now.get(i - 1);
      Standing standing = now.get(i);
      Type type = type(s, previous, standing);
      if (type == null) {
        continue;
      }
      TierId from = previous == null ? null : previous.tier();
      TierId to = standing.tier();
      OutboxEvent.TierChange change = new OutboxEvent.TierChange(Objects.requireNonNull(card.holder(), "a member's card"),
          from, to, balance, standing.from().equals(at) ? null : standing.from(), standing.until(), cascade, s.id());
      events.add(TierReaction.termEvent(program, card, index++, type, change, at));
    }
    return state;
  }

  /**
   * What a new standing is to the member: a move between tiers, a tier kept for a new term (after a term's end or in
   * a grace period: prolonged), or nothing (a grace period starts: the tier is still held).
   */
  static @Nullable Type type(TierStructure s, @Nullable Standing previous, Standing standing) {
    TierId was = previous == null ? null : previous.tier();
    TierId is = standing.tier();
    if (!Objects.equals(was, is)) {
      return was == null ? Type.TIER_JOINED : is == null ? Type.TIER_LEFT
          : s.indexOf(is) > s.indexOf(was) ? Type.TIER_UPGRADED : Type.TIER_DOWNGRADED;
    }
    if (previous == null || standing.grace()) {
      return null;
    }
    return previous.grace() || previous.until() != null ? Type.TIER_PROLONGED : null;
  }
}
