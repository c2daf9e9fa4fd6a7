package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Member;
import io.loyalty.spi.card.MemberStatus;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 member records (digest 12.2): a member joins ACTIVE or INACTIVE with metadata, kept beside the cards;
 * updates merge metadata and never change the status; a soft delete switches every card off for good.
 */
@DisplayName("loyalty v2: member records")
class MemberRecordsTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_members");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final CustomerId ALICE = CustomerId.of("alice");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(3)).build();

  private void define() {
    engine.define(Program.builder(PROGRAM, "Members").wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_1"), Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 5))))
        .build());
  }

  private EventOutcome pay(String id) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"),
        Order.ofAmount("o_" + id, "USD", 1_000)));
  }

  @Test
  @DisplayName("an INACTIVE member joins with switched-off cards and earns only once activated; the record keeps its metadata")
  void an_inactive_member_with_metadata() {
    define();
    List<Card> cards = engine.addMember(PROGRAM, ALICE, MemberStatus.INACTIVE, Metadata.of("source", "shop"));
    assertThat(cards).extracting(Card::active).containsOnly(false);
    Member member = engine.member(PROGRAM, ALICE);
    assertThat(member.status()).isEqualTo(MemberStatus.INACTIVE);
    assertThat(member.metadata()).isEqualTo(Metadata.of("source", "shop"));
    assertThat(member.createdAt()).isEqualTo(Fixtures.T0);
    assertThat(pay("e1").points()).isZero();
    engine.setMemberActive(PROGRAM, ALICE, true);
    assertThat(engine.member(PROGRAM, ALICE).status()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(engine.member(PROGRAM, ALICE).version()).isEqualTo(2);
    assertThat(pay("e2").points()).isEqualTo(5);
    assertThat(engine.members(PROGRAM, 10)).containsExactly(engine.member(PROGRAM, ALICE));
  }

  @Test
  @DisplayName("an update merges metadata (null removes a key) and keeps the status")
  void updates_merge_metadata() {
    define();
    engine.addMember(PROGRAM, ALICE, MemberStatus.ACTIVE, Metadata.of("a", 1, "b", "x"));
    Map<String, MetaValue> changes = new HashMap<>();
    changes.put("b", null);
    changes.put("c", MetaValue.of(true));
    Member updated = engine.updateMember(PROGRAM, ALICE, changes);
    assertThat(updated.metadata()).isEqualTo(Metadata.of("a", 1, "c", true));
    assertThat(updated.status()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(updated.version()).isEqualTo(2);
  }

  @Test
  @DisplayName("a deleted member's cards are off for good: it earns nothing, cannot be reactivated, updated or rejoin")
  void a_soft_delete_is_final() {
    define();
    List<Card> cards = engine.addMember(PROGRAM, ALICE);
    pay("e1");
    Member deleted = engine.deleteMember(PROGRAM, ALICE);
    assertThat(deleted.status()).isEqualTo(MemberStatus.DELETED);
    assertThat(engine.deleteMember(PROGRAM, ALICE)).isEqualTo(deleted); // idempotent
    assertThat(engine.card(cards.get(0).code()).active()).isFalse();
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(5); // history stays
    assertThat(pay("e2").points()).isZero();
    assertThatThrownBy(() -> engine.setMemberActive(PROGRAM, ALICE, true))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("status"));
    assertThatThrownBy(() -> engine.updateMember(PROGRAM, ALICE, Map.of("a", MetaValue.of(1))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> engine.addMember(PROGRAM, ALICE)).isInstanceOf(MemberAlreadyExistsException.class);
    assertThat(engine.member(PROGRAM, ALICE)).isEqualTo(deleted);
  }

  @Test
  @DisplayName("a member with no record (a v1 card holder) reads from the cards; joining as DELETED is refused")
  void records_read_from_cards_when_none_is_stored() {
    engine.define(Fixtures.program());
    Card card = engine.enrol(Fixtures.program().id(), ALICE);
    Member read = engine.member(Fixtures.program().id(), ALICE);
    assertThat(read.version()).isZero();
    assertThat(read.status()).isEqualTo(MemberStatus.ACTIVE);
    assertThat(read.createdAt()).isEqualTo(card.publishedAt());
    define();
    assertThatThrownBy(() -> engine.addMember(PROGRAM, ALICE, MemberStatus.DELETED, Metadata.EMPTY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("status"));
    assertThatThrownBy(() -> engine.member(PROGRAM, ALICE)).isInstanceOf(io.loyalty.spi.NotFoundException.class);
  }
}
