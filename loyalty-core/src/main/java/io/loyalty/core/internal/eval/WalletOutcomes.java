package io.loyalty.core.internal.eval;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
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
   * outcome when none was.
   *
   * @param cardOf the member's card of each wallet, {@code null} when they hold none
   * @throws IllegalStateException when effects into a wallet earned but the member holds no card of it
   */
  public static List<ProgramOutcome> split(CompiledProgram plan, ProgramOutcome whole,
      Function<WalletId, @Nullable CardCode> cardOf) {
    return split(plan, whole, cardOf, wallet -> null);
  }

  /**
   * As {@link #split(CompiledProgram, ProgramOutcome, Function)}, under each wallet's earning limits: an earn into a
   * wallet over its per-transaction maximum is rejected in full ({@code TRANSACTION_EARNING_LIMIT}); else one over
   * the room its balance or period cap left ({@code roomOf}, {@code null} for none) is cut to that room, the
   * accruals in rule order keeping theirs while it lasts ({@code EARNING_LIMIT_REACHED} for each cut).
   */
  public static List<ProgramOutcome> split(CompiledProgram plan, ProgramOutcome whole,
      Function<WalletId, @Nullable CardCode> cardOf, Function<WalletId, @Nullable Long> roomOf) {
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

  /** The first instant of the calendar period holding {@code now}, in {@code zone} (weeks start on Monday). */
  static java.time.Instant periodStart(io.loyalty.spi.program.EarningLimits.CalendarUnit unit, java.time.Instant now,
      java.time.ZoneId zone) {
    java.time.LocalDate day = now.atZone(zone).toLocalDate();
    java.time.LocalDate first = switch (unit) {
      case DAY -> day;
      case WEEK -> day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> day.withDayOfYear(1);
    };
    return first.atStartOfDay(zone).toInstant();
  }

  /** The wallet a rule's points go to. */
  public static WalletId walletOf(CompiledProgram plan, RuleId rule) {
    EarningRule r = plan.rule(rule);
    return r == null ? WalletId.MAIN : r.wallet();
  }
}
