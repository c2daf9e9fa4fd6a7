package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.Violation;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile instants, dates and durations at every public entry that takes one: each call either answers correctly
 * or throws a {@link LoyaltyException} (never a {@code DateTimeException}, {@code ArithmeticException} or other
 * untyped error), and a refused call changes nothing.
 */
class EngineTimeProperties {
  /** Two minutes to midnight (UTC): points added "through today" expire two minutes from now, within the lead. */
  static final Instant NOW = Instant.parse("2026-06-15T23:58:00Z");
  static final Instant MIDNIGHT = Instant.parse("2026-06-16T00:00:00Z");
  static final Instant TEN_DAYS_AGO = NOW.minus(Duration.ofDays(10));
  static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
  /** The order paid yesterday earns 30 points, usable through 14 July. */
  static final Instant EARNED_GONE = Instant.parse("2026-07-15T00:00:00Z");
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  static final Duration LEAD = LoyaltyEngine.Builder.DEFAULT_MAX_EVENT_LEAD;
  static final Duration AGE = LoyaltyEngine.Builder.DEFAULT_MAX_EVENT_AGE;
  static final Duration MAX_SPAN = Duration.ofDays(36_524);

  static Gen<Instant> instants() {
    List<Instant> edges = List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, EARLIEST, EARLIEST.minusNanos(1), LATEST,
        LATEST.plusNanos(1), Instant.parse("+100000-01-01T00:00:00Z"), Instant.parse("-5000-01-01T00:00:00Z"), NOW,
        NOW.plus(LEAD), NOW.plus(LEAD).plusNanos(1), NOW.minus(AGE), NOW.minus(AGE).minusNanos(1), MIDNIGHT,
        MIDNIGHT.minusNanos(1), TEN_DAYS_AGO, TEN_DAYS_AGO.minusNanos(1), YESTERDAY, EARNED_GONE,
        EARNED_GONE.minusNanos(1), NOW.plus(Duration.ofDays(365)), NOW.minusNanos(1));
    Gen<Instant> anywhere = longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
        .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    Gen<Instant> aroundNow = longs().between(-400L * 86_400, 400L * 86_400).map(s -> NOW.plusSeconds(s));
    return Generate.pick(edges).mix(anywhere, 25).mix(aroundNow, 35);
  }

  static Gen<Duration> durations() {
    List<Duration> edges = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1), LEAD, AGE, MAX_SPAN,
        MAX_SPAN.plusNanos(1), Duration.ofDays(-1), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
        Duration.ofSeconds(Long.MIN_VALUE), Duration.ofDays(36_525));
    return Generate.pick(edges).mix(longs().all().map(s -> Duration.ofSeconds(s)), 40);
  }

  static Gen<LocalDate> dates() {
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    List<LocalDate> edges = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1),
        today, today.minusDays(1), today.plusDays(1), LocalDate.of(1, 1, 1), LocalDate.EPOCH);
    return Generate.pick(edges).mix(longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
        .map(d -> LocalDate.ofEpochDay(d)), 40);
  }

  static Gen<Period> periods() {
    List<Period> edges = List.of(Period.ZERO, Period.ofYears(100), Period.ofYears(100).plusDays(1), Period.ofDays(-1),
        Period.ofYears(Integer.MAX_VALUE), Period.ofDays(Integer.MIN_VALUE), Period.ofMonths(3),
        Period.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), Period.ofDays(36_524), Period.ofDays(36_525));
    Gen<Period> any = integers().between(-2_000, 2_000).zip(integers().all(), integers().between(-40_000, 40_000),
        Period::of);
    return Generate.pick(edges).mix(any, 40);
  }

  static Gen<IsoDuration> isoDurations() {
    return periods().zip(durations(), IsoDuration::new);
  }

  /** A card with points recorded ten days ago (never expiring), yesterday (30, by the rule) and now (50, through today). */
  record World(LoyaltyEngine engine, MutableClock clock, CardCode card, Customer alice) {
    static World create() {
      MutableClock clock = new MutableClock(TEN_DAYS_AGO);
      LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(17)).build();
      engine.define(Program.builder(Fixtures.PROGRAM, "Monthly").zone(ZoneOffset.UTC)
          .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1)))
          .earningRules(List.of(Fixtures.perAmount("r", 100, 1))).build());
      Customer alice = Fixtures.customer("alice");
      CardCode card = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
      engine.addPoints(card, 100, AddedPointsExpiry.never(), "welcome", null);
      clock.set(YESTERDAY);
      engine.apply(OrderPaid.of("paid_yesterday", YESTERDAY, alice, Order.ofAmount("ord_y", "EUR", 3_000)));
      clock.set(NOW);
      engine.addPoints(card, 50, AddedPointsExpiry.on(LocalDate.ofInstant(NOW, ZoneOffset.UTC)), "today only", null);
      return new World(engine, clock, card, alice);
    }

    /** The usable points as of {@code t}: each lot from the instant it was recorded until it expires. */
    static long expectedBalance(Instant t) {
      long sum = 0;
      sum += !t.isBefore(TEN_DAYS_AGO) ? 100 : 0;
      sum += !t.isBefore(YESTERDAY) && t.isBefore(EARNED_GONE) ? 30 : 0;
      sum += !t.isBefore(NOW) && t.isBefore(MIDNIGHT) ? 50 : 0;
      return sum;
    }

    record State(Card card, List<LedgerEntry> ledger) {}

    State state() {
      return new State(engine.card(card), engine.ledger(card));
    }
  }

  /** Runs the call; a throw must be a typed error, returned for the caller to judge. */
  static Throwable typedOrNothing(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    if (thrown != null) {
      assertThat(thrown).as("only the library's typed errors").isInstanceOf(LoyaltyException.class);
    }
    return thrown;
  }

  static List<String> paths(Throwable e) {
    assertThat(e).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) e).violations().stream().map(Violation::path).toList();
  }

  static boolean inWindow(Instant at) {
    return !at.isBefore(NOW.minus(AGE)) && !at.isAfter(NOW.plus(LEAD));
  }

  @Test
  void an_event_at_any_instant_is_applied_within_the_window_and_refused_on_created_at_outside_it_settling_nothing_early() {
    qt().withFixedSeed(2026_06_15L).withExamples(300)
        .forAll(instants(), integers().between(0, 2))
        .checkAssert((at, kind) -> {
          World w = World.create();
          World.State before = w.state();
          long balance = w.engine.balance(w.card);
          LoyaltyEvent event = switch (kind) {
            case 0 -> OrderPaid.of("paid_now", at, w.alice, Order.ofAmount("ord_now", "EUR", 2_000));
            case 1 -> OrderRefunded.whole("refund", at, w.alice, "ord_y");
            default -> SegmentEntered.of("entered", at, w.alice, "seg_vip");
          };
          EventOutcome[] quoted = new EventOutcome[1];
          Throwable quoteError = typedOrNothing(() -> quoted[0] = w.engine.quote(event));
          EventOutcome[] applied = new EventOutcome[1];
          Throwable applyError = typedOrNothing(() -> applied[0] = w.engine.apply(event));
          if (!inWindow(at)) {
            assertThat(paths(quoteError)).containsExactly("created_at");
            assertThat(paths(applyError)).containsExactly("created_at");
            assertThat(w.state()).as("a refused event writes nothing").isEqualTo(before);
            return;
          }
          assertThat(quoteError).isNull();
          assertThat(applyError).isNull();
          assertThat(applied[0]).isEqualTo(quoted[0]);
          assertThat(applied[0].at()).isEqualTo(at);
          List<LedgerEntry> ledger = w.engine.ledger(w.card);
          List<LedgerEntry> added = ledger.subList(before.ledger().size(), ledger.size());
          assertThat(added).as("nothing is due by now, so nothing expires, whatever the event's time")
              .noneMatch(e -> e.type() == EntryType.POINTS_EXPIRATION || e.type() == EntryType.PENDING_POINTS_ACTIVATION)
              .allSatisfy(e -> assertThat(e.at()).isEqualTo(NOW));
          assertThat(w.engine.balance(w.card)).isEqualTo(balance + applied[0].points());
          assertThat(w.engine.balance(w.card, MIDNIGHT.minusNanos(1)))
              .as("the points of today are still usable until midnight").isEqualTo(balance + applied[0].points());
        });
  }

  @Test
  void a_read_as_of_any_instant_answers_as_the_lots_were_recorded_or_refuses_a_sweep_of_the_future() {
    qt().withFixedSeed(15L).withExamples(300)
        .forAll(instants())
        .checkAssert(t -> {
          World w = World.create();
          World.State before = w.state();
          long expected = World.expectedBalance(t);
          assertThat(w.engine.balance(w.card, t)).isEqualTo(expected);
          assertThat(w.engine.summary(w.card, t).balance()).isEqualTo(expected);
          assertThat(w.engine.pendingPoints(w.card, t)).isZero();
          assertThat(w.engine.lots(w.card, t).stream().mapToLong(io.loyalty.spi.card.Lot::remaining).sum())
              .isEqualTo(expected);
          assertThat(w.engine.expirySchedule(w.card, t).outstanding()).isEqualTo(expected);
          assertThat(w.engine.liability(Fixtures.PROGRAM, t).outstanding()).isEqualTo(expected);
          assertThat(w.engine.expirySchedule(w.card, t).expiringBy(LocalDate.MAX)).isLessThanOrEqualTo(expected);
          assertThat(w.state()).as("reads write nothing").isEqualTo(before);
          Throwable card = typedOrNothing(() -> w.engine.sweep(w.card, t));
          Throwable program = typedOrNothing(() -> w.engine.sweep(Fixtures.PROGRAM, t));
          if (t.isAfter(NOW)) {
            assertThat(paths(card)).containsExactly("as_of");
            assertThat(paths(program)).containsExactly("as_of");
            assertThat(w.state()).as("a refused sweep writes nothing").isEqualTo(before);
          } else {
            assertThat(card).isNull();
            assertThat(program).isNull();
          }
          assertThat(w.engine.balance(w.card, t)).as("a sweep changes no balance").isEqualTo(expected);
          assertThat(w.engine.balance(w.card)).isEqualTo(180);
        });
  }

  @Test
  void points_added_through_any_day_are_added_or_refused_on_expiration_date() {
    qt().withFixedSeed(9999L).withExamples(200)
        .forAll(dates())
        .checkAssert(day -> {
          World w = World.create();
          World.State before = w.state();
          Throwable e = typedOrNothing(() -> w.engine.addPoints(w.card, 10, AddedPointsExpiry.on(day), "custom", null));
          boolean fine = !day.isBefore(LocalDate.ofInstant(NOW, ZoneOffset.UTC)) && !day.isAfter(LocalDate.of(9999, 12, 31));
          if (fine) {
            assertThat(e).isNull();
            assertThat(w.engine.balance(w.card)).isEqualTo(190);
            assertThat(w.engine.expirySchedule(w.card, NOW).byLastUsableDay()).containsKey(day);
          } else {
            assertThat(paths(e)).containsExactly("expiration_date");
            assertThat(w.state()).isEqualTo(before);
          }
        });
  }

  @Test
  void the_builder_takes_any_bound_or_window_and_accepts_it_or_refuses_it_typed() {
    qt().withFixedSeed(366L).withExamples(300)
        .forAll(durations(), periods())
        .checkAssert((d, p) -> {
          boolean spanOk = !d.isNegative() && d.compareTo(MAX_SPAN) <= 0;
          for (Supplier<LoyaltyEngine.Builder> set : List.<Supplier<LoyaltyEngine.Builder>>of(
              () -> LoyaltyEngine.builder().maxEventLead(d), () -> LoyaltyEngine.builder().maxEventAge(d))) {
            Throwable e = typedOrNothing(set::get);
            assertThat(e == null).as("%s accepted", d).isEqualTo(spanOk);
          }
          Throwable window = typedOrNothing(() -> LoyaltyEngine.builder().rollbackWindow(p));
          boolean windowOk = !p.isNegative() && p.toTotalMonths() * 2_629_746L + p.getDays() * 86_400L <= 3_155_695_200L;
          assertThat(window == null).as("rollback window %s accepted", p).isEqualTo(windowOk);
        });
  }

  @Test
  void an_engine_whose_clock_reads_any_instant_works_or_refuses_typed_and_writes_nothing() {
    qt().withFixedSeed(1L).withExamples(200)
        .forAll(instants())
        .checkAssert(now -> {
          LoyaltyEngine engine = LoyaltyEngine.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).random(Fixtures.seeded(3))
              .build();
          Program program = Program.builder(Fixtures.PROGRAM, "p")
              .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1200))
                  .withActivityDuration(IsoDuration.parse("P100Y")))
              .earningRules(List.of(Fixtures.perAmount("r", 100, 1).toBuilder().pendingPoints(new PendingPoints(90)).build()))
              .build();
          Customer alice = Fixtures.customer("alice");
          List<Throwable> errors = new ArrayList<>();
          errors.add(typedOrNothing(() -> engine.define(program)));
          errors.add(typedOrNothing(() -> {
            CardCode card = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
            engine.addPoints(card, 5, AddedPointsExpiry.programRules(), "now", null);
            engine.apply(OrderPaid.of("e", now, alice, Order.ofAmount("o", "EUR", 1_000)));
            engine.balance(card);
            engine.summary(card);
            engine.sweep(card, now);
          }));
          if (!now.isBefore(EARLIEST) && !now.isAfter(LATEST)) {
            assertThat(errors).containsOnlyNulls();
          } else {
            assertThat(errors.get(0)).isInstanceOf(ClockOutOfRangeException.class);
            assertThat(errors.get(1)).isNotNull();
            assertThat(catchThrowable(() -> engine.program(Fixtures.PROGRAM))).isInstanceOf(NotFoundException.class);
          }
        });
  }

  record ProgramCase(Instant start, Instant end, IsoDuration every, IsoDuration activity, int months) {}

  @Test
  void a_program_with_any_dates_and_durations_is_defined_or_refused_typed_and_a_defined_one_never_breaks_an_event() {
    qt().withFixedSeed(100L).withExamples(300)
        .forAll(instants().zip(instants(), isoDurations(), isoDurations(), integers().between(-5, 2_000), ProgramCase::new))
        .checkAssert(c -> {
          Instant start = c.start();
          Instant end = c.end();
          IsoDuration every = c.every();
          IsoDuration activity = c.activity();
          int months = c.months();
          MutableClock clock = new MutableClock(NOW);
          LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(8)).build();
          EarningRule windowed = Fixtures.perAmount("windowed", 100, 1).toBuilder()
              .validity(new Validity(start, null, new Timeframe(every, IsoDuration.of(Duration.ofHours(1))), null, null))
              .expiration(ExpirationRule.months(months)).build();
          Program program = Program.builder(Fixtures.PROGRAM, "p").zone(ZoneOffset.ofHours(-18))
              .validity(Validity.between(null, end).withDaysOfWeek(java.util.Set.of(DayOfWeek.values())))
              .card(CardTemplate.DEFAULT.withActivityDuration(activity))
              .earningRules(List.of(windowed, Fixtures.perAmount("plain", 100, 1))).build();
          Throwable defined = typedOrNothing(() -> engine.define(program));
          if (defined != null) {
            assertThat(defined).isInstanceOf(InvalidInputException.class);
            assertThat(catchThrowable(() -> engine.program(Fixtures.PROGRAM))).isInstanceOf(NotFoundException.class);
            return;
          }
          Customer alice = Fixtures.customer("alice");
          CardCode card = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
          OrderPaid paid = OrderPaid.of("e", NOW, alice, Order.ofAmount("o", "EUR", 1_000));
          EventOutcome quoted = engine.quote(paid);
          assertThat(engine.apply(paid)).isEqualTo(quoted);
          assertThat(engine.balance(card)).isEqualTo(quoted.points());
          engine.apply(OrderRefunded.whole("r", NOW, alice, "o"));
          assertThat(engine.balance(card)).isZero();
          assertThat(engine.summary(card, Instant.MAX).balance()).isZero();
        });
  }

  @Test
  void durations_and_daily_hours_parse_from_any_text_or_are_refused_typed() {
    List<String> hostile = List.of("", "-", "--P1D", "-P-2147483648D", "P-2147483648D", "P2147483648D",
        "P9999999999999999999Y", "PT9223372036854775808S", "-PT-9223372036854775808S", "PT", "P1DT", "T1H", "P1Y2M3W4DT5H",
        "+P1D", "-+P1D", "p1dt1h", "PT1H-30M", "P1.5D", "PT0.000000001S", "25:00", "24:00", "23:59", "9:00", "12:60");
    Gen<String> texts = Generate.pick(hostile).mix(strings().betweenCodePoints('+', 'Z').ofLengthBetween(0, 24), 50);
    qt().withFixedSeed(8601L).withExamples(500)
        .forAll(texts)
        .checkAssert(text -> {
          typedOrNothing(() -> IsoDuration.parse(text));
          typedOrNothing(() -> Timeframe.of(text, text));
          typedOrNothing(() -> DailyHours.of(text, text, DayOfWeek.MONDAY));
          typedOrNothing(() -> DailyHours.of("09:00", text, DayOfWeek.MONDAY));
        });
  }
}
