package io.loyalty.core;

import static io.loyalty.core.RedemptionWorld.ALICE;
import static io.loyalty.core.RedemptionWorld.COIN;
import static io.loyalty.core.RedemptionWorld.MUG;
import static io.loyalty.core.RedemptionWorld.VIPS;
import static io.loyalty.core.RedemptionWorld.VIP_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.core.internal.validation.EventValidator;
import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile redemption requests (negative, zero and huge points; negative and huge order amounts; a total above the
 * amount; odd or missing currencies; another customer) get a typed error and change nothing, or a correct result.
 */
class RedemptionRequestProperties {
  static final List<Long> ODD_POINTS = Arrays.asList(null, 0L, -1L, -500L, Long.MIN_VALUE, Long.MAX_VALUE,
      ProgramValidator.MAX_POINTS, ProgramValidator.MAX_POINTS + 1, 1L, 2_000L, 2_001L);
  static final List<Long> ODD_AMOUNTS = List.of(0L, 1L, 45_000L, -1L, -5_000L, EventValidator.MAX_AMOUNT,
      EventValidator.MAX_AMOUNT + 1, Long.MAX_VALUE, Long.MIN_VALUE);
  static final List<String> CURRENCIES = Arrays.asList("USD", "JPY", "BHD", "XXX", "XAU", null);
  static final List<Customer> CUSTOMERS = Arrays.asList(null, null, null, Customer.of(ALICE.value()),
      Customer.of(ALICE.value()).inSegments(VIPS), Customer.of("cust_bob"), Customer.of("cust_bob").inSegments(VIPS),
      Customer.of("cust_mallory").withMetadata(Metadata.of("vip", true)));
  static final List<AssignmentId> ASSIGNMENTS = List.of(COIN, COIN, COIN, COIN, MUG, VIP_ONLY);

  /** An odd value a third of the time, else a random ordinary one. */
  static <T> Gen<T> oddOrRandom(List<T> odd, Gen<T> random) {
    return integers().between(0, odd.size() * 3 - 1).zip(random, (i, r) -> i < odd.size() ? odd.get(i) : r);
  }

  static Gen<@Nullable Order> orders() {
    Gen<Long> amounts = oddOrRandom(ODD_AMOUNTS, longs().between(1, 200_000));
    Gen<Integer> totalKind = integers().between(0, 7);
    Gen<String> currency = integers().between(0, CURRENCIES.size() * 2)
        .map(i -> i < CURRENCIES.size() ? CURRENCIES.get(i) : "USD");
    return amounts.zip(totalKind, currency, integers().between(0, 9), (amount, kind, code, none) -> {
      if (none == 0) {
        return null;
      }
      long total = switch (kind) {
        case 0 -> amount;
        case 1 -> 0;
        case 2 -> amount == Long.MAX_VALUE ? amount : amount + 1;
        case 3 -> -1;
        case 4, 5 -> amount / 2;
        default -> amount / 3;
      };
      return new Order(OrderId.of("ord_1"), code == null ? null : Currency.getInstance(code), amount, total, List.of(),
          Metadata.EMPTY);
    });
  }

  record Hostile(@Nullable Long points, @Nullable Order order, @Nullable Customer customer, AssignmentId assignment) {
    RedeemRequest request(RedemptionWorld w) {
      return new RedeemRequest(RedeemRequest.of("hostile", w.card().code(), assignment).id(), w.card().code(), assignment,
          points, order, Metadata.EMPTY, customer);
    }

    boolean pointsOutOfRange() {
      return points != null && (points < 1 || points > ProgramValidator.MAX_POINTS);
    }

    boolean orderInvalid() {
      if (order == null) {
        return false;
      }
      return order.currency() == null || order.currency().getDefaultFractionDigits() < 0 || order.amount() < 0
          || order.amount() > EventValidator.MAX_AMOUNT || order.totalAmount() < 0
          || order.totalAmount() > EventValidator.MAX_AMOUNT || order.totalAmount() > order.amount();
    }

    boolean namesAnotherCustomer() {
      return customer != null && !customer.id().equals(ALICE);
    }
  }

  static Gen<Hostile> hostile() {
    return oddOrRandom(ODD_POINTS, longs().between(1, 2_400)).zip(orders(),
        integers().between(0, CUSTOMERS.size() - 1).map(CUSTOMERS::get),
        integers().between(0, ASSIGNMENTS.size() - 1).map(ASSIGNMENTS::get), Hostile::new);
  }

  @Test
  void a_hostile_request_is_a_typed_error_that_changes_nothing_or_a_correct_redemption() {
    AtomicInteger rejected = new AtomicInteger();
    AtomicInteger paid = new AtomicInteger();
    qt().withFixedSeed(20260401L).withExamples(300).forAll(hostile()).checkAssert(h -> {
      RedemptionWorld w = RedemptionWorld.create();
      RedemptionWorld.State before = w.state();
      boolean invalid = h.pointsOutOfRange() || h.orderInvalid() || h.namesAnotherCustomer();
      Redemption r;
      try {
        r = w.engine().redeem(h.request(w));
      } catch (LoyaltyException e) {
        assertThat(w.state()).as("a rejected request writes nothing").isEqualTo(before);
        assertThat(e).as("only bad input is rejected: %s", e.getMessage()).isInstanceOf(InvalidInputException.class);
        assertThat(invalid).as("rejected a valid request: %s", e.getMessage()).isTrue();
        List<String> paths = ((InvalidInputException) e).violations().stream().map(Violation::path).toList();
        if (h.pointsOutOfRange()) {
          assertThat(paths).contains("reward.points");
        }
        if (h.namesAnotherCustomer() && !h.pointsOutOfRange() && !h.orderInvalid()) {
          assertThat(paths).containsExactly("customer.id");
        }
        rejected.incrementAndGet();
        return;
      }
      assertThat(invalid).as("accepted an invalid request: %s", r).isFalse();
      RedemptionWorld.State after = w.state();
      assertThat(after.otherBalance()).isEqualTo(before.otherBalance());
      assertThat(after.otherLedger()).isEqualTo(before.otherLedger());
      assertThat(after.redemptions()).hasSize(before.redemptions().size() + 1);
      assertThat(after.balance()).isEqualTo(before.balance() - r.points());
      if (!r.succeeded()) {
        assertThat(r.points()).isZero();
        assertThat(after.ledger()).isEqualTo(before.ledger());
        return;
      }
      assertThat(r.points()).isBetween(1L, before.balance());
      if (h.assignment().equals(COIN)) {
        checkPayment(h, r, before.balance());
        paid.incrementAndGet();
      } else if (h.assignment().equals(VIP_ONLY)) {
        assertThat(h.customer()).isNotNull();
        assertThat(h.customer().segments()).contains(VIPS);
        assertThat(r.points()).isEqualTo(10);
      } else {
        assertThat(r.points()).isEqualTo(50);
      }
    });
    // the generators reach both sides: hostile requests refused and payments made
    assertThat(rejected.get()).isGreaterThan(30);
    assertThat(paid.get()).isGreaterThan(10);
  }

  /** "100 = $20": the points spent are the fewest that cover the order (or what was asked), the discount their value. */
  static void checkPayment(Hostile h, Redemption r, long balance) {
    Order order = h.order();
    assertThat(order).isNotNull();
    BigInteger minorPerMajor = BigInteger.TEN.pow(order.currency().getDefaultFractionDigits());
    BigInteger total = BigInteger.valueOf(order.totalAmount());
    BigInteger[] qr = total.multiply(BigInteger.valueOf(100)).divideAndRemainder(BigInteger.valueOf(20).multiply(minorPerMajor));
    BigInteger needed = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    BigInteger cap = BigInteger.valueOf(h.points() == null ? balance : h.points());
    long spent = needed.min(cap).longValueExact();
    long value = BigInteger.valueOf(spent).multiply(BigInteger.valueOf(20)).multiply(minorPerMajor)
        .divide(BigInteger.valueOf(100)).min(total).longValueExact();
    assertThat(r.points()).isEqualTo(spent);
    assertThat(r.discount()).isEqualTo(value).isBetween(0L, order.totalAmount());
    assertThat(r.order().totalAmount()).isEqualTo(order.totalAmount() - value);
  }
}
