package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.store.LoyaltyStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile input through the engine over the store: texts a store could collapse, fold or refuse, free text and
 * numbers at and past their bounds. Whatever the engine accepts, the store keeps apart and reads back exactly;
 * whatever it refuses leaves every read unchanged. Two stores that pass agree on every such input.
 */
@DisplayName("hostile input: what is accepted is kept exactly and apart, what is refused leaves no trace")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class HostileInputContract extends StoreContract {
  /** Pieces a store could fold together (case, composition, look-alikes) next to plain ones. */
  private static final List<String> CLOSE = List.of(
      "a", "A", "\u00E9", "e\u0301", "\u0065", "\u0130", "i", "I", "\u0131", "\u00DF", "ss", "\uD83D\uDE00",
      "\uD83D\uDE01", "\uD834\uDD1E", "\uD800", "\uDBFF", "\uDC00", "\u200B", "\u202E", "\u0000", "\u0007", "?",
      "\uFFFD", "\u3000", "0", "-");

  private static Gen<String> closeTexts() {
    return lists().of(Generate.pick(CLOSE)).ofSizeBetween(1, 4).map(parts -> String.join("", parts));
  }

  private static final ProgramId PROGRAM = ProgramId.of("camp_hostile");

  private static LoyaltyEngine engine(LoyaltyStore store) {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store)
        .clock(Clock.fixed(WorkloadPrograms.START, ZoneOffset.UTC)).random(WorkloadPrograms.seeded(7L)).build();
    engine.define(Program.builder(PROGRAM, "Hostile").pool(CardPool.growing(4))
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .build());
    return engine;
  }

  private int examples(int atDefaultBudget) {
    return Math.max(3, atDefaultBudget * budget().workloads() / KitBudget.DEFAULT.workloads());
  }

  private static OrderPaid paid(String eventId, CustomerId customer, String orderId, long amount, Metadata metadata) {
    Order order = new Order(OrderId.of(orderId), Currency.getInstance("EUR"), amount, amount,
        List.of(OrderItem.product("prod_1", 1, amount)), metadata);
    return new OrderPaid(EventId.of(eventId), WorkloadPrograms.START, new Customer(customer, Metadata.EMPTY, Set.of()),
        order, null);
  }

  @Test
  void customers_whose_ids_differ_only_by_characters_a_store_could_collapse_keep_their_own_cards() {
    qt().withFixedSeed(31L).withExamples(examples(12)).forAll(lists().of(closeTexts()).ofSizeBetween(2, 12))
        .checkAssert(texts -> {
          LoyaltyEngine engine = engine(newStore());
          Map<CustomerId, CardCode> cards = new LinkedHashMap<>();
          for (String text : texts) {
            CustomerId id;
            try {
              id = CustomerId.of("c" + text);
            } catch (InvalidInputException refused) {
              assertThat(refused.getMessage()).doesNotContain("c" + text);
              continue;
            }
            if (!cards.containsKey(id)) {
              cards.put(id, engine.enrol(PROGRAM, id).code());
            }
          }
          assertThat(Set.copyOf(cards.values())).hasSameSizeAs(cards.keySet());
          for (Map.Entry<CustomerId, CardCode> e : cards.entrySet()) {
            Card card = engine.cardOf(PROGRAM, e.getKey()).orElseThrow();
            assertThat(card.code()).isEqualTo(e.getValue());
            assertThat(card.holder()).isEqualTo(e.getKey());
          }
        });
  }

  @Test
  void events_whose_ids_differ_only_by_such_characters_are_never_taken_for_one_another() {
    qt().withFixedSeed(32L).withExamples(examples(10)).forAll(lists().of(closeTexts()).ofSizeBetween(2, 10))
        .checkAssert(texts -> {
          LoyaltyEngine engine = engine(newStore());
          CustomerId alice = CustomerId.of("alice");
          CardCode card = engine.enrol(PROGRAM, alice).code();
          List<EventId> applied = new ArrayList<>();
          long expected = engine.balance(card);
          for (int i = 0; i < texts.size(); i++) {
            EventId id;
            try {
              id = EventId.of("evt" + texts.get(i));
            } catch (InvalidInputException refused) {
              continue;
            }
            EventOutcome outcome = engine.apply(paid(id.value(), alice, "ord" + texts.get(i), 1_000, Metadata.EMPTY));
            if (!applied.contains(id)) {
              applied.add(id);
              expected += outcome.points();
            }
            assertThat(outcome.event()).isEqualTo(id);
          }
          assertThat(engine.balance(card)).isEqualTo(expected);
        });
  }

  @Test
  void a_free_text_is_kept_exactly_when_accepted_and_leaves_no_trace_when_refused() {
    Gen<String> texts = lists().of(Generate.pick(CLOSE).mix(Generate.pick(List.of("\n", "\t", " ", "x")), 50))
        .ofSizeBetween(0, 30).map(parts -> String.join("", parts))
        .mix(integers().between(990, 1_010).map("r"::repeat), 20);
    qt().withFixedSeed(33L).withExamples(examples(40)).forAll(texts).checkAssert(reason -> {
      LoyaltyEngine engine = engine(newStore());
      CardCode card = engine.enrol(PROGRAM, CustomerId.of("bob")).code();
      List<LedgerEntry> before = engine.ledger(card);
      try {
        LedgerEntry added = engine.addPoints(card, 10, AddedPointsExpiry.never(), reason, null);
        assertThat(added.reason()).isEqualTo(reason);
        assertThat(engine.ledger(card)).last().satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
      } catch (InvalidInputException refused) {
        assertThat(refused.violations()).extracting(v -> v.path()).containsExactly("reason");
        assertThat(refused.getMessage()).hasSizeLessThan(600);
        assertThat(engine.ledger(card)).isEqualTo(before);
        assertThat(engine.balance(card)).isZero();
      }
    });
  }

  @Test
  void metadata_at_the_bounds_reads_back_exactly_so_a_retried_event_is_the_same_event() {
    Metadata edge = new Metadata(Map.of(
        "big", new MetaValue.Num(new BigDecimal("999999999999999999999999.999999999999")),
        "small", new MetaValue.Num(new BigDecimal("-0.000000000001")),
        "text", new MetaValue.Text("\uD83D\uDE00\n\t" + "t".repeat(9_000)),
        "k".repeat(100), new MetaValue.Flag(true)));
    LoyaltyEngine engine = engine(newStore());
    CustomerId carol = CustomerId.of("carol");
    CardCode card = engine.enrol(PROGRAM, carol).code();
    OrderPaid event = paid("evt_edge", carol, "ord_edge", 5_000, edge);
    EventOutcome first = engine.apply(event);
    // the store must keep the receipt's payload exactly, or the retry looks like another payload under the same id
    assertThat(engine.apply(event)).isEqualTo(first);
    assertThat(first.points()).isEqualTo(50);
    assertThat(engine.balance(card)).isEqualTo(50);
  }

  @Test
  void a_number_bomb_in_metadata_is_refused_before_the_engine_sees_it() {
    for (String bomb : List.of("1E+300000000", "1E-300000000", "1" + "0".repeat(30))) {
      LoyaltyException refused = catchThrowableOfType(LoyaltyException.class,
          () -> Metadata.of("n", new BigDecimal(bomb)));
      assertThat(refused).isInstanceOf(InvalidInputException.class);
      assertThat(refused.getMessage()).hasSizeLessThan(300);
    }
  }

  @Test
  void source_ids_that_spell_generated_keys_never_swallow_or_block_another_operation() {
    LoyaltyEngine engine = engine(newStore());
    CardCode a = engine.enrol(PROGRAM, CustomerId.of("dora")).code();
    CardCode b = engine.enrol(PROGRAM, CustomerId.of("eve")).code();
    long expectedA = 0;
    for (int n = 1; n <= 6; n++) {
      // each source id spells what a sourceless addition on a or b was keyed as before the keys were typed
      engine.addPoints(a, 10, AddedPointsExpiry.never(), "sourced", b.value() + ":" + n);
      engine.addPoints(b, 1, AddedPointsExpiry.never(), "sourceless", null);
      engine.addPoints(a, 1, AddedPointsExpiry.never(), "sourceless", null);
      expectedA += 11;
    }
    engine.addPoints(a, 5, AddedPointsExpiry.never(), "sourced", "mv_1");
    LoyaltyException reused = catchThrowableOfType(LoyaltyException.class,
        () -> engine.transfer(a, b, 5, "move", "mv_1"));
    assertThat(reused.code()).isEqualTo("duplicate_source_id");
    assertThat(engine.balance(a)).isEqualTo(expectedA + 5);
    assertThat(engine.balance(b)).isEqualTo(6);
    assertThat(engine.ledger(a)).hasSize(13);
  }

  /** A chain of conditions {@code depth} levels deep, cycling through every kind that nests. */
  private static Condition nested(int depth) {
    Condition c = new Condition.OrderAmount(Comparison.atLeast(1));
    for (int i = 1; i < depth; i++) {
      c = switch (i % 4) {
        case 0 -> new Condition.Not(c);
        case 1 -> new Condition.All(List.of(c));
        case 2 -> new Condition.Any(List.of(c, new Condition.OrderAmount(Comparison.atLeast(2))));
        default -> new Condition.Numbered(Map.of(1, c), "1");
      };
    }
    return c;
  }

  @Test
  void a_definition_at_every_bound_reads_back_equal_and_one_past_them_is_refused_without_a_trace() {
    LoyaltyEngine engine = engine(newStore());
    Program edge = Program.builder(PROGRAM, "n".repeat(Limits.MAX_NAME_LENGTH - 1) + "\u00E9")
        .pool(CardPool.growing(4))
        .earningRule(EarningRule.builder(RuleId.of("deep"), Trigger.ORDER_PAID, PointsFormula.fixed(1))
            .banner("\uD83D\uDE00 deep rule").condition(nested(Limits.MAX_CONDITION_DEPTH)).build())
        .build();
    Program stored = engine.define(edge);
    assertThat(engine.program(PROGRAM)).isEqualTo(stored);
    Program tooDeep = edge.toBuilder().earningRules(List.of(EarningRule.builder(RuleId.of("deeper"), Trigger.ORDER_PAID,
        PointsFormula.fixed(1)).condition(nested(Limits.MAX_CONDITION_DEPTH + 1)).build())).build();
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> engine.define(tooDeep));
    assertThat(refused.violations()).extracting(v -> v.path()).containsExactly("earning_rules[0].condition");
    assertThat(engine.program(PROGRAM)).isEqualTo(stored);
    Program bomb = edge.toBuilder().earningRules(List.of(EarningRule.builder(RuleId.of("bomb"), Trigger.ORDER_PAID,
        PointsFormula.fixed(1)).condition(nested(100_000)).build())).build();
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> engine.define(bomb))).isNotNull();
    assertThat(engine.program(PROGRAM)).isEqualTo(stored);
  }
}
