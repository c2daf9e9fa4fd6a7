package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Limits;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Host-given ids and the keys the engine generates live in disjoint namespaces; derived ids never come from caller text. */
class KeyNamespaceTest {
  private final LoyaltyEngine engine = Fixtures.engine().build();
  private final CardCode alice;
  private final CardCode bob;

  KeyNamespaceTest() {
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    alice = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    bob = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
  }

  private LedgerEntry add(CardCode card, long points, String sourceId) {
    return engine.addPoints(card, points, AddedPointsExpiry.never(), "r", sourceId);
  }

  @Test
  void regression_a_source_id_spelling_a_generated_key_no_longer_swallows_a_later_sourceless_addition() {
    // a sourceless addition was keyed adjust:<card>:<seq>, a sourced one adjust:<source id>
    long next = engine.card(alice).lastSeq() + 2;
    add(alice, 10, alice.value() + ":" + next);
    add(alice, 5, null);
    assertThat(engine.balance(alice)).isEqualTo(15);
    assertThat(engine.ledger(alice)).hasSize(2);
  }

  @Test
  void regression_a_source_id_spelling_another_cards_generated_key_no_longer_blocks_its_sourceless_additions() {
    add(alice, 10, bob.value() + ":" + (engine.card(bob).lastSeq() + 1));
    add(bob, 7, null);
    assertThat(engine.balance(bob)).isEqualTo(7);
    assertThat(engine.balance(alice)).isEqualTo(10);
  }

  @Test
  void regression_one_source_id_for_an_addition_and_a_transfer_is_duplicate_source_id_and_applies_once() {
    add(alice, 100, "src_1");
    SourceIdReusedException e = catchThrowableOfType(SourceIdReusedException.class,
        () -> engine.transfer(alice, bob, 40, "move", "src_1"));
    assertThat(e.errorCode()).isEqualTo(ErrorCode.DUPLICATE_SOURCE_ID);
    assertThat(engine.balance(alice)).isEqualTo(100);
    assertThat(engine.balance(bob)).isZero();

    engine.transfer(alice, bob, 40, "move", "src_2");
    assertThatThrownBy(() -> add(alice, 1, "src_2")).isInstanceOf(SourceIdReusedException.class);
    assertThatThrownBy(() -> engine.removePoints(alice, 1, "r", "src_2")).isInstanceOf(SourceIdReusedException.class);
    assertThat(engine.balance(alice)).isEqualTo(60);
    assertThat(engine.transfer(alice, bob, 40, "move", "src_2").in().card()).isEqualTo(bob);
    assertThat(engine.balance(bob)).isEqualTo(40);
    // a removal of the very points and card a transfer names is still another operation
    engine.removePoints(alice, 10, "r", "src_3");
    assertThatThrownBy(() -> engine.transfer(alice, bob, 10, "move", "src_3")).isInstanceOf(SourceIdReusedException.class);
    assertThat(engine.balance(bob)).isEqualTo(40);
  }

  @Test
  void a_source_id_is_an_identifier_blank_or_invisible_texts_are_refused() {
    for (String bad : List.of("", " ", "a\u200Bb", "x".repeat(Limits.MAX_ID_LENGTH + 1), "\uD800")) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> add(alice, 1, bad));
      assertThat(e.violations()).extracting(v -> v.path()).containsExactly("source_id");
      assertThat(catchThrowableOfType(InvalidInputException.class,
          () -> engine.transfer(alice, bob, 1, "r", bad)).violations()).extracting(v -> v.path()).contains("source_id");
    }
    assertThat(engine.ledger(alice)).isEmpty();
  }

  @Test
  void regression_an_event_id_of_the_longest_length_auto_redeems_under_a_derived_id_of_fixed_length() {
    Reward mug = Reward.of("rew_mug", "Mug", new RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null));
    engine.defineReward(mug);
    engine.assignReward(Fixtures.PROGRAM, RewardAssignment.of("rewa_mug", mug.id(), 50).autoRedeemed());
    String longId = "e".repeat(Limits.MAX_ID_LENGTH);
    var outcome = engine.apply(OrderPaid.of(longId, Fixtures.T0, Fixtures.customer("alice"),
        Order.ofAmount("o1", "USD", 6_000)));
    assertThat(outcome.programs().get(0).autoRedemption()).isNotNull();
    assertThat(outcome.programs().get(0).autoRedemption().value()).startsWith("auto_").hasSize(5 + 32);
    assertThat(engine.balance(alice)).isEqualTo(10);
  }

  @Test
  void a_host_redemption_id_cannot_take_the_derived_namespace() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.redeem(RedeemRequest.of("auto_0123", alice, AssignmentId.of("rewa_none"))));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("id");
  }

  private static Gen<String> lookAlikes(CardCode a, CardCode b) {
    List<String> texts = new ArrayList<>();
    for (CardCode c : List.of(a, b)) {
      for (int n = 0; n <= 6; n++) {
        texts.add(c.value() + ":" + n);
        texts.add("adjust:" + c.value() + ":" + n);
        texts.add("5:" + c.value());
      }
      texts.add(c.value() + ":in");
      texts.add("initial:" + c.value());
    }
    texts.addAll(List.of("1:a", "source:1:a", "a", "a:in", "7:src:in", "in"));
    return Generate.pick(texts);
  }

  @Test
  void sourced_and_sourceless_operations_with_key_like_source_ids_never_collide() {
    qt().withFixedSeed(12L).withExamples(200)
        .forAll(lists().of(integers().between(0, 3).zip(lookAlikes(alice, bob), (op, s) -> op + "|" + s))
            .ofSizeBetween(1, 14))
        .checkAssert(ops -> {
          LoyaltyEngine e = Fixtures.engine().build();
          e.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
          CardCode a = e.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
          CardCode b = e.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
          Map<CardCode, Long> expected = new HashMap<>(Map.of(a, 0L, b, 0L));
          Map<String, String> claimed = new HashMap<>();
          Set<String> transfers = new HashSet<>();
          for (String op : ops) {
            int kind = Integer.parseInt(op.substring(0, 1));
            String source = op.substring(2);
            String signature = kind + "";
            switch (kind) {
              case 0 -> { // sourceless additions always apply
                e.addPoints(a, 3, AddedPointsExpiry.never(), "r", null);
                expected.merge(a, 3L, Long::sum);
                continue;
              }
              case 1 -> {
                try {
                  e.addPoints(b, 5, AddedPointsExpiry.never(), "r", source);
                } catch (SourceIdReusedException reused) {
                  assertThat(claimed.get(source)).isNotNull().isNotEqualTo(signature);
                  continue;
                }
              }
              case 2 -> {
                try {
                  e.transfer(b, a, 1, "r", source);
                } catch (SourceIdReusedException reused) {
                  assertThat(claimed.get(source)).isNotNull().isNotEqualTo(signature);
                  continue;
                } catch (InsufficientPointsException poor) {
                  assertThat(claimed.get(source)).isNull();
                  continue;
                }
              }
              default -> {
                e.addPoints(b, 2, AddedPointsExpiry.never(), "r", null);
                expected.merge(b, 2L, Long::sum);
                continue;
              }
            }
            String before = claimed.putIfAbsent(source, signature);
            assertThat(before == null || before.equals(signature)).as(source).isTrue();
            if (before == null) {
              if (kind == 1) {
                expected.merge(b, 5L, Long::sum);
              } else {
                transfers.add(source);
                expected.merge(b, -1L, Long::sum);
                expected.merge(a, 1L, Long::sum);
              }
            }
          }
          assertThat(e.balance(a)).as("%s", ops).isEqualTo(expected.get(a));
          assertThat(e.balance(b)).as("%s", ops).isEqualTo(expected.get(b));
        });
  }
}
