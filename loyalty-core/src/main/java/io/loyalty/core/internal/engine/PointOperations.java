package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.CreditTerms;
import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.CardExpiredException;
import io.loyalty.core.CardInactiveException;
import io.loyalty.core.CardNotPublishedException;
import io.loyalty.core.InsufficientPointsException;
import io.loyalty.core.PendingPointsStateException;
import io.loyalty.core.SourceIdReusedException;
import io.loyalty.core.Transfer;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.core.internal.ledger.Debit;
import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.core.internal.validation.TimeBounds;
import io.loyalty.core.internal.validation.Violations;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.TierId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.reward.Redemption;
import java.util.function.Consumer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Manual point operations on published cards: additions and removals, transfers between cards (also across
 * programs), and pending points activated, adjusted or canceled by hand. Each is one commit; a source id makes
 * additions, removals and transfers idempotent. Thread-safe.
 */
public final class PointOperations {
  private final LoyaltyStore store;
  private final EngineClock clock;
  private final Retry retry;
  private final Reactions reactions;

  PointOperations(LoyaltyStore store, EngineClock clock, Retry retry, Reactions reactions) {
    this.store = store;
    this.clock = clock;
    this.retry = retry;
    this.reactions = reactions;
  }

  /** Adds points to a published card, expiring as asked; idempotent by source id. */
  public LedgerEntry add(CardCode code, long points, AddedPointsExpiry expiry, String reason, @Nullable String sourceId) {
    checkAmount(points, reason, sourceId);
    return retry.run("add points to " + code, () -> {
      Optional<LedgerEntry> done = replay(sourceId, code, EntryType.POINTS_ADDITION, points);
      if (done.isPresent()) {
        return done.get();
      }
      Card card = published(code);
      Program program = programOf(card);
      Instant now = clock.now();
      Instant expiresAt;
      if (expiry instanceof AddedPointsExpiry.CustomDate d) {
        if (d.lastDay().isBefore(now.atZone(program.zone()).toLocalDate()) || d.lastDay().isAfter(TimeBounds.LAST_DAY)) {
          throw io.loyalty.spi.InvalidInputException.of("expiration_date", "must be from today in the program's time zone to "
              + TimeBounds.LAST_DAY, d.lastDay());
        }
        expiresAt = d.lastDay().plusDays(1).atStartOfDay(program.zone()).toInstant();
      } else if (expiry instanceof AddedPointsExpiry.NonExpiring) {
        expiresAt = null;
      } else {
        expiresAt = CreditTerms.forWallet(program, card.wallet(), now).expiresAt();
      }
      CardLedger ledger = CardLedger.open(card).settle(now);
      LedgerEntry entry = ledger.credit(Credit.now(EntryType.POINTS_ADDITION, points, key(sourceId, card),
          new LotSource(null, null, program.version(), null), reason, expiresAt), now);
      return reactions.commit(program, card, ledger, now) ? entry : null;
    });
  }

  /**
   * Adds pending points to a published card that activate at 00:00 of {@code activationDay} in the program's zone
   * and then expire by the program's rules counted from that instant; idempotent by source id (required).
   */
  public LedgerEntry addPending(CardCode code, long points, java.time.LocalDate activationDay, String reason,
      String sourceId) {
    checkAmount(points, reason, sourceId);
    return retry.run("add pending points to " + code, () -> {
      Optional<LedgerEntry> done = store.entry(new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM));
      if (done.isPresent()) {
        LedgerEntry first = done.get();
        if (!first.card().equals(code) || first.type() != EntryType.PENDING_POINTS_ADDED || first.pending() != points) {
          throw new SourceIdReusedException("source id " + sourceId + " was used for " + first.type() + " of "
              + (first.type() == EntryType.PENDING_POINTS_ADDED ? first.pending() : first.points()) + " points on card "
              + first.card());
        }
        return first;
      }
      Card card = published(code);
      Program program = programOf(card);
      Instant now = clock.now();
      java.time.LocalDate today = now.atZone(program.zone()).toLocalDate();
      if (!activationDay.isAfter(today) || activationDay.isAfter(TimeBounds.LAST_DAY)) {
        throw io.loyalty.spi.InvalidInputException.of("activates_at", "must be after today in the program's time zone"
            + " and at most " + TimeBounds.LAST_DAY, activationDay);
      }
      Instant activatesAt = activationDay.atStartOfDay(program.zone()).toInstant();
      CardLedger ledger = CardLedger.open(card).settle(now);
      LedgerEntry entry = ledger.credit(new Credit(EntryType.PENDING_POINTS_ADDED, points,
          new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM), new LotSource(null, null, program.version(), null),
          reason, activatesAt, CreditTerms.forProgram(program, activatesAt).expiresAt(), null), now);
      return reactions.commit(program, card, ledger, now) ? entry : null;
    });
  }

  /** Removes points from a published card, soonest-expiring first; never more than its balance. */
  public LedgerEntry remove(CardCode code, long points, String reason, @Nullable String sourceId) {
    checkAmount(points, reason, sourceId);
    return retry.run("remove points from " + code, () -> {
      Optional<LedgerEntry> done = replay(sourceId, code, EntryType.POINTS_REMOVAL, -points);
      if (done.isPresent()) {
        return done.get();
      }
      Card card = published(code);
      Instant now = clock.now();
      CardLedger ledger = CardLedger.open(card).settle(now);
      requireBalance(ledger, card, points, now);
      LedgerEntry entry = ledger.debit(Debit.manual(EntryType.POINTS_REMOVAL, points, key(sourceId, card),
          programOf(card).version(), reason), now);
      return reactions.commit(programOf(card), card, ledger, now) ? entry : null;
    });
  }

  /**
   * Moves usable points from one published card to another, in the same or another program, both or neither:
   * the moved points get a fresh expiry under the destination program's rules from today.
   */
  public Transfer transfer(CardCode from, CardCode to, long points, String reason, String sourceId) {
    checkAmount(points, reason, null);
    Violations v = new Violations();
    v.check(!from.equals(to), "code", "must differ from the destination card", from);
    if (v.present(sourceId, "source_id")) {
      sourceIdOk(v, sourceId);
    }
    v.throwIfAny();
    LedgerKey outKey = new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM);
    LedgerKey inKey = new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.TRANSFER_IN);
    return retry.run("transfer " + points + " points from " + from + " to " + to, () -> {
      Optional<LedgerEntry> out = store.entry(outKey);
      if (out.isPresent()) {
        LedgerEntry claimed = out.get();
        if (claimed.type() != EntryType.POINTS_TRANSFER_OUT || !claimed.card().equals(from)
            || claimed.points() != -points || !inKey.equals(claimed.related())) {
          throw new SourceIdReusedException("source id " + sourceId + " was used for another operation");
        }
        LedgerEntry in = store.entry(inKey).orElse(null);
        if (in == null) {
          // committed with the out entry in one change set, so it exists: this read came between the two cards'
          // publications (a store may publish a commit's cards one by one); read again
          return null;
        }
        if (!in.card().equals(to)) {
          throw new SourceIdReusedException("source id " + sourceId + " was used for another operation");
        }
        return new Transfer(claimed, in);
      }
      Instant now = clock.now();
      Card source = usable(published(from), now);
      Card target = usable(published(to), now);
      Program targetProgram = programOf(target);
      CardLedger sourceLedger = CardLedger.open(source).settle(now);
      requireBalance(sourceLedger, source, points, now);
      LedgerEntry outEntry = sourceLedger.debit(new Debit(EntryType.POINTS_TRANSFER_OUT, points, outKey, null, null,
          programOf(source).version(), reason, inKey), now);
      CardLedger targetLedger = CardLedger.open(target).settle(now);
      LedgerEntry inEntry = targetLedger.credit(new Credit(EntryType.POINTS_TRANSFER_IN, points, inKey,
          new LotSource(null, null, targetProgram.version(), null), reason, null,
          CreditTerms.forWallet(targetProgram, target.wallet(), now).expiresAt(), outKey), now);
      // the moved points may reach the destination's auto-redeem price: both cards go through the reaction step
      boolean applied = reactions.commit(List.of(new Reactions.Touched(programOf(source), source, sourceLedger),
          new Reactions.Touched(targetProgram, target, targetLedger)), now);
      return applied ? new Transfer(outEntry, inEntry) : null;
    });
  }

  /** Activates pending points now; their expiry clock starts now, under the rule that granted them. */
  public LedgerEntry activatePending(CardCode code, long lotId) {
    return retry.run("activate pending points " + lotId + " of " + code, () -> {
      Card card = published(code);
      Instant now = clock.now();
      CardLedger ledger = CardLedger.open(card).settle(now);
      Lot lot = pendingLot(ledger, card, lotId, now);
      Program granting = store.program(card.program(), lot.source().programVersion()).orElse(programOf(card));
      EarningRule rule = lot.source().rule() == null ? null : granting.rule(lot.source().rule()).orElse(null);
      LedgerEntry entry = ledger.activate(lotId, now, CreditTerms.expiryOnActivation(granting, card.wallet(), rule, now),
          new LedgerKey.OnCard(LedgerKey.OnCard.Kind.ACTIVATION, card.code(), lotId));
      return reactions.commit(programOf(card), card, ledger, now) ? entry : null;
    });
  }

  /**
   * Sets the card's tier by hand from now (a {@code tier} of the program; {@code null} ends the override in force),
   * until {@code until} ({@code null}: until the next override), with the host's reason. The move is committed and
   * goes to the outbox like any other, and the override stays in the card's tier history.
   */
  public Card overrideTier(CardCode code, @Nullable TierId tier, @Nullable Instant until, String reason) {
    Violations v = new Violations();
    v.present(reason, "reason");
    if (reason != null) {
      v.problem(io.loyalty.spi.Limits.textProblem(reason, io.loyalty.spi.Limits.MAX_TEXT_LENGTH), "reason", reason);
    }
    v.check(tier != null || until == null, "expiration_date", "is for an override that sets a tier", until);
    v.throwIfAny();
    return retry.run("override the tier of " + code, () -> {
      Card card = published(code);
      Program program = programOf(card);
      Instant now = clock.now();
      Violations bad = new Violations();
      bad.check(!program.tiers().isEmpty(), "loyalty_tier.id", "the card's program has no tiers", tier);
      if (tier != null) {
        bad.check(io.loyalty.core.internal.eval.Tiers.byId(program, tier) != null, "loyalty_tier.id",
            "names no tier of the card's program", tier);
      }
      if (until != null) {
        bad.check(until.isAfter(now), "expiration_date", "must be after the engine's clock (" + now + ")", until);
      }
      bad.throwIfAny();
      io.loyalty.spi.tier.TierState old = card.tiers();
      List<io.loyalty.spi.tier.TierState.Override> overrides = new java.util.ArrayList<>(
          old == null ? List.of() : old.overrides());
      overrides.add(new io.loyalty.spi.tier.TierState.Override(tier, now, until, reason));
      io.loyalty.spi.tier.TierState base = old != null ? old : io.loyalty.core.internal.eval.TierTimeline.keepsTerms(program)
          ? io.loyalty.core.internal.eval.TierTimeline.seeded(program, new io.loyalty.spi.tier.TierState(now, null, 0,
              List.of()), card.balanceAt(now), now) // the tier it held, kept as it was (6.4)
          : new io.loyalty.spi.tier.TierState(now, null, 0, List.of());
      io.loyalty.spi.tier.TierState next = new io.loyalty.spi.tier.TierState(base.asOf(), base.periodStart(),
          base.periodPoints(), base.grants(), overrides);
      CardLedger ledger = CardLedger.open(card.withTiers(next)).settle(now);
      return reactions.commit(program, card, ledger, now) ? store.card(code).orElseThrow() : null;
    });
  }

  /** Changes pending points by {@code delta} (positive or negative); they must stay above zero. */
  public LedgerEntry adjustPending(CardCode code, long lotId, long delta, String reason) {
    Violations v = new Violations();
    // not Math.abs: it leaves Long.MIN_VALUE negative, so that delta would pass as small
    v.check(delta != 0 && delta >= -ProgramValidator.MAX_POINTS && delta <= ProgramValidator.MAX_POINTS, "points",
        "must be non-zero and at most " + ProgramValidator.MAX_POINTS + " either way", delta);
    v.present(reason, "reason");
    v.throwIfAny();
    return retry.run("adjust pending points " + lotId + " of " + code, () -> {
      Card card = published(code);
      Instant now = clock.now();
      CardLedger ledger = CardLedger.open(card).settle(now);
      Lot lot = pendingLot(ledger, card, lotId, now);
      if (lot.remaining() + delta <= 0) {
        Violations bad = new Violations();
        bad.add("points", "would leave " + (lot.remaining() + delta) + " pending points; they must stay above 0", delta);
        bad.throwIfAny();
      }
      LedgerEntry entry = ledger.adjustPending(lotId, delta, now, new LedgerKey.OnCard(LedgerKey.OnCard.Kind.PENDING_ADJUSTMENT, card.code(), card.lastSeq() + 1),
          reason);
      return reactions.commit(programOf(card), card, ledger, now) ? entry : null;
    });
  }

  /** Cancels pending points: they never become usable. */
  public LedgerEntry cancelPending(CardCode code, long lotId, String reason) {
    return retry.run("cancel pending points " + lotId + " of " + code, () -> {
      Card card = published(code);
      Instant now = clock.now();
      CardLedger ledger = CardLedger.open(card).settle(now);
      pendingLot(ledger, card, lotId, now);
      LedgerEntry entry = ledger.cancel(lotId, now, new LedgerKey.OnCard(LedgerKey.OnCard.Kind.CANCELLATION, card.code(), lotId), reason);
      return reactions.commit(programOf(card), card, ledger, now) ? entry : null;
    });
  }

  /** The entry a source id already produced, if any; the same source id for something else is an error. */
  private Optional<LedgerEntry> replay(@Nullable String sourceId, CardCode code, EntryType type, long points) {
    if (sourceId == null) {
      return Optional.empty();
    }
    Optional<LedgerEntry> done = store.entry(new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM));
    if (done.isPresent() && (!done.get().card().equals(code) || done.get().type() != type || done.get().points() != points)) {
      throw new SourceIdReusedException("source id " + sourceId + " was used for " + done.get().type() + " of "
          + done.get().points() + " points on card " + done.get().card());
    }
    return done;
  }

  private static LedgerKey key(@Nullable String sourceId, Card card) {
    return sourceId != null ? new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM)
        : new LedgerKey.OnCard(LedgerKey.OnCard.Kind.ADJUSTMENT, card.code(), card.lastSeq() + 1);
  }

  private Card published(CardCode code) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    if (!card.isPublished()) {
      throw new CardNotPublishedException("card " + code + " is not published to a customer");
    }
    return card;
  }

  private static Card usable(Card card, Instant now) {
    if (!card.active()) {
      throw new CardInactiveException("card " + card.code() + " is not active");
    }
    if (!card.isValidAt(now)) {
      throw new CardExpiredException("card " + card.code() + " expired at " + card.expiresAt());
    }
    return card;
  }

  private Program programOf(Card card) {
    return store.program(card.program()).orElseThrow(() -> new NotFoundException("program", card.program()));
  }

  private static void requireBalance(CardLedger ledger, Card card, long points, Instant now) {
    long balance = ledger.balanceAt(now);
    if (points > balance) {
      throw new InsufficientPointsException("card " + card.code() + " has " + balance + " usable points, not " + points);
    }
  }

  private static Lot pendingLot(CardLedger ledger, Card card, long lotId, Instant now) {
    Lot lot = ledger.lot(lotId);
    if (lot == null || lot.activatesAt() == null) {
      throw new NotFoundException("pending_points", card.code() + "/" + lotId);
    }
    if (!lot.isPendingAt(now)) {
      throw new PendingPointsStateException("pending points " + lotId + " of card " + card.code() + " are "
          + (lot.state() == io.loyalty.spi.card.LotState.CANCELED ? "canceled" : "already activated"));
    }
    return lot;
  }

  private static void checkAmount(long points, String reason, @Nullable String sourceId) {
    Violations v = new Violations();
    if (sourceId != null) {
      sourceIdOk(v, sourceId);
    }
    v.check(points >= 1 && points <= ProgramValidator.MAX_POINTS, "points", "must be from 1 to " + ProgramValidator.MAX_POINTS,
        points);
    v.present(reason, "reason");
    v.throwIfAny();
  }

  /** A source id is a host identifier: the same rule as every id of the SPI, so both stores see the same texts. */
  private static void sourceIdOk(Violations v, String sourceId) {
    v.problem(Limits.idProblem(sourceId), "source_id", sourceId);
  }
}
