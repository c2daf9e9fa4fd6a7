package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MembershipTest {
  @Nested
  class Wallets {
    @Test
    void a_v1_member_holds_one_card_of_the_main_wallet_and_v1_earning_credits_it_alone() {
      InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
      LoyaltyEngine engine = Fixtures.engine().store(store).build();
      engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)));
      Card main = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThat(main.wallet()).isEqualTo(io.loyalty.spi.WalletId.MAIN);
      assertThat(engine.cardsOf(Fixtures.PROGRAM, CustomerId.of("a"))).containsExactly(main);
      // a card of another wallet of the same program (as a v2 card definition would issue) is the member's too
      io.loyalty.spi.WalletId miles = io.loyalty.spi.WalletId.of("lcd_miles");
      Card other = Card.generated(CardCode.of("MILES-1"), Fixtures.PROGRAM, T0).toBuilder().wallet(miles)
          .holder(CustomerId.of("a")).publishedAt(T0).build();
      assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
          .cards(java.util.List.of(new io.loyalty.spi.store.CardWrite(other, 0))).build()).applied()).isTrue();
      assertThat(engine.cardsOf(Fixtures.PROGRAM, CustomerId.of("a"))).containsExactly(other, main);
      assertThat(engine.cardOf(Fixtures.PROGRAM, CustomerId.of("a"))).contains(main);
      assertThat(engine.cardOf(Fixtures.PROGRAM, CustomerId.of("a"), miles)).contains(other);
      EventOutcome outcome = engine.apply(Fixtures.paid("evt_1", Fixtures.customer("a"), "ord_1", 1_000));
      assertThat(outcome.programs()).singleElement().satisfies(p -> assertThat(p.card()).isEqualTo(main.code()));
      assertThat(engine.balance(main.code())).isEqualTo(10);
      assertThat(engine.balance(other.code())).isZero();
      assertThatThrownBy(() -> engine.enrol(Fixtures.PROGRAM, CustomerId.of("a")))
          .isInstanceOf(MemberAlreadyExistsException.class);
    }
  }

  static Program withPool(CardPool pool, CardTemplate card) {
    return Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().pool(pool).card(card).build();
  }

  @Nested
  class Pools {
    @Test
    void a_static_pool_publishes_its_cards_then_refuses() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(withPool(CardPool.fixed(2), CardTemplate.DEFAULT));
      Card a = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      Card b = engine.enrol(Fixtures.PROGRAM, CustomerId.of("b"));
      assertThat(a.code()).isNotEqualTo(b.code());
      assertThatThrownBy(() -> engine.enrol(Fixtures.PROGRAM, CustomerId.of("c")))
          .isInstanceOf(NoCardAvailableException.class)
          .extracting(e -> ((NoCardAvailableException) e).code()).isEqualTo("no_voucher_suitable_for_publication");
    }

    @Test
    void an_auto_update_pool_grows_past_its_initial_count() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(withPool(CardPool.growing(2), CardTemplate.DEFAULT));
      Set<CardCode> codes = new HashSet<>();
      for (int i = 0; i < 25; i++) {
        codes.add(engine.enrol(Fixtures.PROGRAM, CustomerId.of("c" + i)).code());
      }
      assertThat(codes).hasSize(25);
    }

    @Test
    void redefining_an_auto_update_program_does_not_grow_its_pool() {
      LoyaltyEngine engine = Fixtures.engine().build();
      Program program = withPool(CardPool.growing(0), CardTemplate.DEFAULT);
      engine.define(program);
      long spare = engine.liability(Fixtures.PROGRAM, Fixtures.T0).cards();
      engine.define(program);
      engine.define(program);
      assertThat(spare).isEqualTo(1);
      assertThat(engine.liability(Fixtures.PROGRAM, Fixtures.T0).cards()).isEqualTo(1);
    }

    @Test
    void codes_follow_the_pattern() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(withPool(CardPool.growing(10), CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("ACME-CARD-#######"))));
      Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThat(card.code().value()).matches("ACME-CARD-[0-9a-zA-Z]{7}");
    }

    @Test
    void a_pattern_that_cannot_yield_the_pool_is_rejected_when_defined() {
      LoyaltyEngine engine = Fixtures.engine().build();
      CodeConfig tiny = new CodeConfig(null, "AB", null, null, "X-##");
      assertThatThrownBy(() -> engine.define(withPool(CardPool.fixed(5), CardTemplate.DEFAULT.withCodeConfig(tiny))))
          .isInstanceOf(io.loyalty.spi.InvalidInputException.class)
          .hasMessageContaining("voucher.code_config");
    }
  }

  @Nested
  class Enrolment {
    final MutableClock clock = new MutableClock(T0);
    LoyaltyEngine engine = Fixtures.engine().clock(clock).build();

    @Test
    void a_customer_joins_a_program_once() {
      engine.define(withPool(CardPool.fixed(5), CardTemplate.DEFAULT));
      Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThatThrownBy(() -> engine.enrol(Fixtures.PROGRAM, CustomerId.of("a")))
          .isInstanceOf(MemberAlreadyExistsException.class)
          .hasMessageContaining(card.code().value());
      assertThat(engine.cardOf(Fixtures.PROGRAM, CustomerId.of("a"))).contains(engine.card(card.code()));
    }

    @Test
    void a_given_unpublished_code_is_published_and_a_published_one_refused() {
      engine.define(withPool(CardPool.fixed(5), CardTemplate.DEFAULT));
      Card first = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThatThrownBy(() -> engine.enrol(Fixtures.PROGRAM, CustomerId.of("b"), first.code()))
          .isInstanceOf(CardAlreadyPublishedException.class);
      assertThatThrownBy(() -> engine.enrol(Fixtures.PROGRAM, CustomerId.of("b"), CardCode.of("NOPE")))
          .isInstanceOf(io.loyalty.spi.NotFoundException.class);
    }

    @Test
    void the_card_template_initial_points_are_credited_at_publication() {
      engine.define(withPool(CardPool.fixed(5), CardTemplate.DEFAULT.withInitialPoints(250)));
      Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThat(engine.balance(card.code())).isEqualTo(250);
      assertThat(engine.ledger(card.code())).singleElement()
          .satisfies(e -> assertThat(e.type()).isEqualTo(io.loyalty.spi.card.EntryType.POINTS_ADDITION));
    }

    @Test
    void a_card_expires_after_its_activity_duration_and_then_earns_nothing() {
      engine.define(withPool(CardPool.fixed(5), CardTemplate.DEFAULT.withActivityDuration(IsoDuration.parse("P24D"))));
      Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("a"));
      assertThat(card.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(24)));
      Customer a = Fixtures.customer("a");
      Instant late = T0.plus(Duration.ofDays(24));
      clock.set(late);
      EventOutcome outcome = engine.apply(io.loyalty.spi.event.OrderPaid.of("e", late, a,
          io.loyalty.spi.event.Order.ofAmount("o", "USD", 1_000)));
      assertThat(outcome.points()).isZero();
      assertThat(outcome.programs().get(0).skipped().get(0).reason()).isEqualTo(SkipReason.CARD_EXPIRED);
    }
  }

  @Nested
  class AutoJoin {
    @Test
    void a_non_member_of_an_auto_join_program_gets_a_card_on_a_qualifying_event() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().autoJoin(true).build());
      Customer bob = Fixtures.customer("bob");
      EventOutcome outcome = engine.apply(Fixtures.paid("e", bob, "o", 500));
      assertThat(outcome.programs().get(0).joined()).isTrue();
      CardCode code = outcome.programs().get(0).card();
      assertThat(engine.card(code).holder()).isEqualTo(bob.id());
      assertThat(engine.balance(code)).isEqualTo(5);
    }

    @Test
    void a_quote_of_an_auto_join_names_the_card_apply_will_publish() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().autoJoin(true).build());
      Customer bob = Fixtures.customer("bob");
      EventOutcome quote = engine.quote(Fixtures.paid("e", bob, "o", 500));
      assertThat(engine.apply(Fixtures.paid("e", bob, "o", 500))).isEqualTo(quote);
    }

    @Test
    void an_event_that_earns_nothing_does_not_join() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().autoJoin(true).build());
      Customer bob = Fixtures.customer("bob");
      EventOutcome outcome = engine.apply(Fixtures.paid("e", bob, "o", 50));
      assertThat(outcome.programs().get(0).card()).isNull();
      assertThat(engine.cardOf(Fixtures.PROGRAM, bob.id())).isEmpty();
    }

    @Test
    void without_auto_join_a_non_member_earns_nothing_and_the_program_is_not_in_the_outcome() {
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)));
      EventOutcome outcome = engine.apply(Fixtures.paid("e", Fixtures.customer("bob"), "o", 500));
      assertThat(outcome.programs()).isEmpty();
      assertThat(outcome.points()).isZero();
    }
  }
}
