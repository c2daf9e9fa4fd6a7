package io.loyalty.core.internal.eval;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty v2 program's outcome as the receipt keeps it: the program's rules are evaluated once, and the accruals
 * and skips of the effects into each wallet become that wallet's card's outcome. The decision and the replay split
 * the same way, so a replay compares like with like. Stateless.
 */
public final class WalletOutcomes {
  private WalletOutcomes() {}

  /**
   * One outcome per wallet card that earned or was skipped, in the program's wallet order; the first card's empty
   * outcome when none was. First every effect of a v2 rule its trigger limits keep from earning is skipped with the
   * reason; then, per wallet, an earn over its per-transaction maximum is rejected in full
   * ({@code TRANSACTION_EARNING_LIMIT}), else one over the room its balance or period cap left is cut to that room,
   * the accruals in rule order keeping theirs while it lasts ({@code EARNING_LIMIT_REACHED} for each cut).
   *
   * @param cardOf the member's card of each wallet, {@code null} when they hold none
   * @param roomOf the room each wallet's balance or period cap left, {@code null} for a wallet with neither
   * @param limitOf why a v2 rule (by its id) is kept from earning, {@code null} when it is not
   * @throws IllegalStateException when effects into a wallet earned but the member holds no card of it
   */
  public static List<ProgramOutcome> split(CompiledProgram plan, ProgramOutcome whole,
      Function<WalletId, @Nullable CardCode> cardOf, Function<WalletId, @Nullable Long> roomOf,
      Function<RuleId, @Nullable SkipReason> limitOf) {
    whole = limited(plan, whole, limitOf);
    Program program = plan.program();
    List<ProgramOutcome> outcomes = new ArrayList<>(program.wallets().size());
    CardCode first = null;
    for (WalletId wallet : program.walletIds()) {
      CardCode card = cardOf.apply(wallet);
      if (first == null) {
        first = card;
      }
      List<Accrual> accruals = new ArrayList<>();
      long points = 0;
      for (Accrual a : whole.accruals()) {
        if (walletOf(plan, a.rule()).equals(wallet)) {
          accruals.add(a);
          points = Math.addExact(points, a.points());
        }
      }
      List<Skip> skipped = new ArrayList<>();
      for (Skip skip : whole.skipped()) {
        if (walletOf(plan, skip.rule()).equals(wallet)) {
          skipped.add(skip);
        }
      }
      if (card == null) {
        if (!accruals.isEmpty()) {
          throw new IllegalStateException("a member of program " + program.id() + " holds no card of wallet " + wallet);
        }
        continue;
      }
      if (!accruals.isEmpty()) {
        io.loyalty.spi.program.EarningLimits limits = program.wallet(wallet)
            .map(io.loyalty.spi.program.CardDefinition::earningLimits)
            .orElse(io.loyalty.spi.program.EarningLimits.NONE);
        Long max = limits.perTransaction();
        Long room = roomOf.apply(wallet);
        if (max != null && points > max) {
          for (Accrual a : accruals) {
            skipped.add(new Skip(a.rule(), SkipReason.TRANSACTION_EARNING_LIMIT, "the event earns " + points
                + " points into wallet " + wallet + ", over its per-transaction maximum of " + max));
          }
          accruals = List.of();
          points = 0;
        } else if (room != null && points > room) {
          long left = room;
          List<Accrual> kept = new ArrayList<>(accruals.size());
          for (Accrual a : accruals) {
            if (a.points() <= left) {
              kept.add(a);
              left -= a.points();
              continue;
            }
            if (left > 0) {
              kept.add(new Accrual(a.rule(), a.banner(), a.calculationType(), a.measured(), left, a.lines()));
            }
            skipped.add(new Skip(a.rule(), SkipReason.EARNING_LIMIT_REACHED, "wallet " + wallet + "'s earning limit left room for " + left
                + " of its " + a.points() + " points"));
            left = 0;
          }
          accruals = kept;
          points = room;
        }
      }
      if (!accruals.isEmpty() || !skipped.isEmpty()) {
        outcomes.add(new ProgramOutcome(program.id(), program.version(), card, false, points, accruals, skipped,
            List.of(), null));
      }
    }
    if (outcomes.isEmpty() && first != null) {
      outcomes.add(new ProgramOutcome(program.id(), program.version(), first, false, 0, List.of(), List.of(),
          List.of(), null));
    }
    return outcomes;
  }

  /**
   * The points the wallet's balance or period cap still lets its rules put on {@code card} at {@code now}, {@code null}
   * when it has neither: the cap less the card's usable and pending points, and the period cap less what rules
   * earned into the card since the period began (lots are in grant order, so only this period's are read).
   */
  public static @Nullable Long room(Program program, WalletId wallet, io.loyalty.spi.card.Card card,
      java.time.Instant now) {
    io.loyalty.spi.program.EarningLimits limits = program.wallet(wallet)
        .map(io.loyalty.spi.program.CardDefinition::earningLimits).orElse(io.loyalty.spi.program.EarningLimits.NONE);
    if (limits.balance() == null && limits.period() == null) {
      return null;
    }
    long room = Long.MAX_VALUE;
    if (limits.balance() != null) {
      long held = Math.addExact(card.balanceAt(now), card.pendingAt(now));
      room = Math.max(0, Math.subtractExact(limits.balance(), held));
    }
    io.loyalty.spi.program.EarningLimits.Period period = limits.period();
    if (period != null) {
      java.time.Instant from = periodStart(period.unit(), now, program.zone());
      long earned = 0;
      List<io.loyalty.spi.card.Lot> lots = card.lots();
      for (int i = lots.size() - 1; i >= 0; i--) {
        io.loyalty.spi.card.Lot lot = lots.get(i);
        if (lot.grantedAt().isBefore(from)) {
          break;
        }
        if (lot.source().rule() != null) {
          earned = Math.addExact(earned, lot.initial());
        }
      }
      room = Math.min(room, Math.max(0, period.points() - earned));
    }
    return room;
  }

  /**
   * The first instant of the calendar period holding {@code now}, in {@code zone}: a day, an ISO week (from Monday),
   * or a month, quarter or year as the tiers' periods count them ({@link TierTimeline#periodStart}).
   */
  public static java.time.Instant periodStart(io.loyalty.spi.program.EarningLimits.CalendarUnit unit, java.time.Instant now,
      java.time.ZoneId zone) {
    java.time.LocalDate day = now.atZone(zone).toLocalDate();
    return switch (unit) {
      case DAY -> day.atStartOfDay(zone).toInstant();
      case WEEK -> day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
          .atStartOfDay(zone).toInstant();
      case MONTH -> TierTimeline.periodStart(io.loyalty.spi.tier.TierPolicy.CalendarPeriod.MONTH, zone, now);
      case QUARTER -> TierTimeline.periodStart(io.loyalty.spi.tier.TierPolicy.CalendarPeriod.QUARTER, zone, now);
      case YEAR -> TierTimeline.periodStart(io.loyalty.spi.tier.TierPolicy.CalendarPeriod.YEAR, zone, now);
    };
  }

  /** The outcome with every effect of the rules {@code limitOf} names skipped with its reason. */
  private static ProgramOutcome limited(CompiledProgram plan, ProgramOutcome whole,
      Function<RuleId, @Nullable SkipReason> limitOf) {
    List<Accrual> accruals = new ArrayList<>(whole.accruals().size());
    List<Skip> skipped = new ArrayList<>(whole.skipped().size());
    boolean changed = false;
    for (Accrual a : whole.accruals()) {
      SkipReason reason = limitOf(plan, a.rule(), limitOf);
      if (reason == null) {
        accruals.add(a);
      } else {
        skipped.add(new Skip(a.rule(), reason, limitDetail(reason)));
        changed = true;
      }
    }
    for (Skip s : whole.skipped()) {
      SkipReason reason = limitOf(plan, s.rule(), limitOf);
      if (reason == null || s.reason() == reason) {
        skipped.add(s);
      } else {
        skipped.add(new Skip(s.rule(), reason, limitDetail(reason)));
        changed = true;
      }
    }
    if (!changed) {
      return whole;
    }
    long points = 0;
    for (Accrual a : accruals) {
      points = Math.addExact(points, a.points());
    }
    return new ProgramOutcome(whole.program(), whole.programVersion(), whole.card(), whole.joined(), points, accruals,
        skipped, whole.reversals(), whole.autoRedemption());
  }

  private static @Nullable SkipReason limitOf(CompiledProgram plan, RuleId effect,
      Function<RuleId, @Nullable SkipReason> limitOf) {
    EarningRule r = plan.rule(effect);
    EarningRule.Branch branch = r == null ? null : r.branch();
    return branch == null ? null : limitOf.apply(branch.rule());
  }

  private static String limitDetail(SkipReason reason) {
    return reason == SkipReason.TRIGGER_COOLDOWN ? "the rule earned for the member within its cooldown"
        : "the rule earned its most times for the member this period";
  }

  /**
   * Why the v2 rule's trigger limits keep it from earning for the member at {@code now}, {@code null} when they do
   * not: it earned (a lot from one of its effects) within its cooldown, or as many times (distinct events) as its
   * frequency allows in the current calendar period. Reads each of the member's cards back only as far as the limits
   * look (lots are in grant order).
   */
  public static @Nullable SkipReason triggerLimit(Program program, EarningRule.Branch branch, List<Card> cards,
      java.time.Instant now) {
    io.loyalty.spi.program.TriggerLimits limits = branch.limits();
    if (limits.isNone()) {
      return null;
    }
    java.util.Set<RuleId> effects = new java.util.HashSet<>();
    for (EarningRule r : program.earningRules()) {
      if (r.branch() != null && r.branch().rule().equals(branch.rule())) {
        effects.add(r.id());
      }
    }
    java.time.ZoneId zone = program.zone();
    java.time.Instant from = now;
    java.time.Instant cooldownFrom = null;
    if (limits.cooldown() != null) {
      cooldownFrom = now.atZone(zone).minus(limits.cooldown().period()).minus(limits.cooldown().time()).toInstant();
      from = cooldownFrom;
    }
    java.time.Instant periodFrom = null;
    if (limits.frequency() != null) {
      periodFrom = periodStart(limits.frequency().period(), now, zone);
      from = from.isBefore(periodFrom) ? from : periodFrom;
    }
    java.util.Set<io.loyalty.spi.EventId> inPeriod = new java.util.HashSet<>();
    boolean cooling = false;
    for (Card card : cards) {
      List<io.loyalty.spi.card.Lot> lots = card.lots();
      for (int i = lots.size() - 1; i >= 0; i--) {
        io.loyalty.spi.card.Lot lot = lots.get(i);
        if (lot.grantedAt().isBefore(from)) {
          break;
        }
        if (lot.source().rule() == null || !effects.contains(lot.source().rule())) {
          continue;
        }
        if (cooldownFrom != null && lot.grantedAt().isAfter(cooldownFrom)) {
          cooling = true;
        }
        if (periodFrom != null && !lot.grantedAt().isBefore(periodFrom) && lot.source().event() != null) {
          inPeriod.add(lot.source().event());
        }
      }
    }
    if (cooling) {
      return SkipReason.TRIGGER_COOLDOWN;
    }
    return limits.frequency() != null && inPeriod.size() >= limits.frequency().times()
        ? SkipReason.TRIGGER_LIMIT_REACHED : null;
  }

  /** The wallet a rule's points go to. */
  public static WalletId walletOf(CompiledProgram plan, RuleId rule) {
    EarningRule r = plan.rule(rule);
    return r == null ? WalletId.MAIN : r.wallet();
  }
}
