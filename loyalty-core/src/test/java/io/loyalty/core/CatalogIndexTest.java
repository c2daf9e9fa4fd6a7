package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.program.EventSchema;
import java.util.Map;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An event is planned only against the programs whose rules can fire for it, however large the catalog. */
class CatalogIndexTest {
  private final AtomicInteger catalogReads = new AtomicInteger();
  private final LoyaltyStore store = counting(InMemoryLoyaltyStore.create());
  private static final SchemaId VISIT = SchemaId.of("ms_visit");
  private final LoyaltyEngine engine = Fixtures.engine().store(store)
      .eventSchemas(new EventSchema(VISIT, "visit", Map.of(), false)).build();
  private final Customer alice = Fixtures.customer("alice");

  private static Program program(String id, boolean autoJoin, EarningRule... rules) {
    return Program.builder(ProgramId.of(id), id).earningRules(List.of(rules)).autoJoin(autoJoin).build();
  }

  private static EarningRule fixed(String id, Trigger trigger, long points) {
    return EarningRule.builder(RuleId.of(id), trigger, PointsFormula.fixed(points)).build();
  }

  /** Counts the reads of the whole catalog; every other call goes to the store as it is. */
  private LoyaltyStore counting(LoyaltyStore delegate) {
    return (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("programs")) {
            catalogReads.incrementAndGet();
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static List<ProgramId> programsOf(EventOutcome outcome) {
    return outcome.programs().stream().map(ProgramOutcome::program).toList();
  }

  @Test
  void with_a_thousand_programs_in_the_store_the_receipt_mentions_only_the_members_program_and_the_auto_join_one() {
    for (int i = 0; i < 998; i++) {
      engine.define(program(String.format("camp_%04d", i), false, Fixtures.perAmount("r", 100, 1)));
    }
    engine.define(program("camp_0500_join", true, Fixtures.perAmount("r", 100, 2)));
    engine.define(program("camp_0700_event", true, fixed("r", new Trigger.CustomEvent("visit", VISIT), 5)));
    Card card = engine.enrol(ProgramId.of("camp_0123"), alice.id());

    EventOutcome outcome = engine.apply(Fixtures.paid("e1", alice, "o1", 500));

    assertThat(programsOf(outcome)).containsExactly(ProgramId.of("camp_0123"), ProgramId.of("camp_0500_join"));
    assertThat(outcome.programs()).allSatisfy(p -> assertThat(p.skipped()).isEmpty());
    assertThat(outcome.points()).isEqualTo(5 + 10);
    assertThat(engine.balance(card.code())).isEqualTo(5);
    assertThat(engine.ledger(card.code())).isNotEmpty();
    assertThat(store.receipt(outcome.event()).orElseThrow().outcome()).isEqualTo(outcome);
  }

  @Test
  void the_catalog_is_read_again_only_after_a_program_is_written() {
    engine.define(program("camp_a", false, Fixtures.perAmount("r", 100, 1)));
    engine.enrol(ProgramId.of("camp_a"), alice.id());
    engine.apply(Fixtures.paid("e1", alice, "o1", 500));
    int afterFirst = catalogReads.get();
    for (int i = 2; i <= 20; i++) {
      engine.quote(Fixtures.paid("e" + i, alice, "o" + i, 500));
    }
    assertThat(catalogReads.get()).isEqualTo(afterFirst);

    engine.define(program("camp_a", false, Fixtures.perAmount("r", 100, 3)), 1);
    engine.define(program("camp_b", true, Fixtures.perAmount("r", 100, 1)));
    EventOutcome outcome = engine.quote(Fixtures.paid("e21", alice, "o21", 500));
    assertThat(programsOf(outcome)).containsExactly(ProgramId.of("camp_a"), ProgramId.of("camp_b"));
    assertThat(outcome.programs().get(0).points()).as("the redefined rule").isEqualTo(15);
    assertThat(outcome.programs().get(0).programVersion()).isEqualTo(2);
  }

  @Test
  void a_member_hears_of_their_programs_rules_for_the_event_only() {
    engine.define(program("camp_orders", false, Fixtures.perAmount("r", 100, 1)));
    engine.define(program("camp_visits", false, fixed("r", new Trigger.CustomEvent("visit", VISIT), 5)));
    engine.enrol(ProgramId.of("camp_orders"), alice.id());
    engine.enrol(ProgramId.of("camp_visits"), alice.id());

    EventOutcome visit = engine.apply(CustomEvent.of("e1", Fixtures.T0, alice, "visit", Metadata.EMPTY));

    assertThat(programsOf(visit)).containsExactly(ProgramId.of("camp_visits"));
    assertThat(visit.points()).isEqualTo(5);
  }

  @Test
  void a_refund_reaches_the_program_that_granted_the_orders_points_after_its_order_rule_was_removed() {
    engine.define(program("camp_a", false, Fixtures.perAmount("r", 100, 1)));
    engine.define(program("camp_b", false, Fixtures.perAmount("r", 100, 1)));
    Card card = engine.enrol(ProgramId.of("camp_a"), alice.id());
    engine.enrol(ProgramId.of("camp_b"), alice.id());
    engine.apply(Fixtures.paid("e1", alice, "o1", 500));
    engine.define(program("camp_a", false, fixed("r2", new Trigger.CustomEvent("visit", VISIT), 5)), 1);

    EventOutcome refund = engine.apply(OrderRefunded.whole("e2", Fixtures.T0, alice, "o1"));

    assertThat(programsOf(refund)).containsExactly(ProgramId.of("camp_a"), ProgramId.of("camp_b"));
    assertThat(refund.points()).isEqualTo(-10);
    assertThat(engine.balance(card.code())).isZero();
  }
}
