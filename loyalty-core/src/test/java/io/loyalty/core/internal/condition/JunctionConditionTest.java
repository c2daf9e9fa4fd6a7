package io.loyalty.core.internal.condition;

import static io.loyalty.core.internal.condition.Events.compile;
import static io.loyalty.core.internal.condition.Events.paid;
import static io.loyalty.core.internal.condition.Events.segmentEntered;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** all, any, not, numbered rules with their logic, and customer segments. */
class JunctionConditionTest {
  private static final EvaluationContext AMOUNT_5000 = paid(5000);
  private static final Condition ABOVE_1000 = new Condition.OrderAmount(Comparison.moreThan(1000));
  private static final Condition ABOVE_9000 = new Condition.OrderAmount(Comparison.moreThan(9000));
  private static final Condition BELOW_100 = new Condition.OrderAmount(Comparison.lessThan(100));

  @Test
  @DisplayName("an empty all holds")
  void emptyAll() {
    assertThat(compile(new Condition.All(List.of())).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("all fails with the first part that fails")
  void allFailsWithFirstFailure() {
    assertThat(compile(Condition.all(ABOVE_1000, ABOVE_9000, BELOW_100)).failure(AMOUNT_5000))
        .isEqualTo("order.amount $more_than 9000 (was 5000)");
  }

  @Test
  @DisplayName("all holds when every part holds")
  void allHolds() {
    assertThat(compile(Condition.all(ABOVE_1000, new Condition.OrderAmount(Comparison.lessThan(6000))))
        .test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("an empty any fails")
  void emptyAny() {
    assertThat(compile(new Condition.Any(List.of())).failure(AMOUNT_5000))
        .isEqualTo("any of [] (there are no alternatives)");
  }

  @Test
  @DisplayName("any holds when one part holds")
  void anyHolds() {
    assertThat(compile(Condition.any(ABOVE_9000, ABOVE_1000)).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("any fails listing every part's failure")
  void anyFailsListingAll() {
    assertThat(compile(Condition.any(ABOVE_9000, BELOW_100)).failure(AMOUNT_5000)).isEqualTo(
        "none of: order.amount $more_than 9000 (was 5000); order.amount $less_than 100 (was 5000)");
  }

  @Test
  @DisplayName("not holds when its condition fails")
  void notHolds() {
    assertThat(compile(new Condition.Not(ABOVE_9000)).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("not fails when its condition holds, describing that condition")
  void notFails() {
    assertThat(compile(new Condition.Not(ABOVE_1000)).failure(AMOUNT_5000))
        .isEqualTo("not (order.amount $more_than 1000)");
  }

  @Test
  @DisplayName("(1 and 2) or 3 holds through rule 3 alone")
  void numberedHoldsThroughOr() {
    assertThat(compile(Condition.numbered("(1 and 2) or 3", ABOVE_9000, BELOW_100, ABOVE_1000)).test(AMOUNT_5000))
        .isTrue();
  }

  @Test
  @DisplayName("a failed numbered condition names the first failing rule and the logic")
  void numberedFailure() {
    assertThat(compile(Condition.numbered("(1 and 2) or 3", ABOVE_1000, ABOVE_9000, BELOW_100)).failure(AMOUNT_5000))
        .isEqualTo("rule 2 of \"(1 and 2) or 3\": order.amount $more_than 9000 (was 5000)");
  }

  @Test
  @DisplayName("in a numbered condition and binds tighter than or")
  void numberedPrecedence() {
    // 1 or (2 and 3): true through 1; (1 or 2) and 3 would be false
    assertThat(compile(Condition.numbered("1 or 2 and 3", ABOVE_1000, ABOVE_9000, BELOW_100)).test(AMOUNT_5000))
        .isTrue();
  }

  @Test
  @DisplayName("upper-case logic works and is quoted as written")
  void numberedUpperCase() {
    assertThat(compile(Condition.numbered("1 AND 2", ABOVE_1000, ABOVE_9000)).failure(AMOUNT_5000))
        .isEqualTo("rule 2 of \"1 AND 2\": order.amount $more_than 9000 (was 5000)");
  }

  @Test
  @DisplayName("a blank logic requires every rule and is quoted in canonical form")
  void numberedBlankLogic() {
    assertThat(compile(new Condition.Numbered(Map.of(1, ABOVE_1000, 2, BELOW_100), " ")).failure(AMOUNT_5000))
        .isEqualTo("rule 2 of \"1 and 2\": order.amount $less_than 100 (was 5000)");
  }

  @Test
  @DisplayName("a numbered rule may itself be a numbered condition")
  void nestedNumbered() {
    Condition inner = Condition.numbered("1 or 2", ABOVE_9000, ABOVE_1000);
    assertThat(compile(Condition.numbered("1 and 2", inner, new Condition.Not(BELOW_100))).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("a rule referenced twice in the logic is evaluated consistently")
  void ruleReferencedTwice() {
    Condition condition =
        Condition.numbered("(1 and 2) or (1 and 3)", ABOVE_1000, ABOVE_9000, new Condition.Not(BELOW_100));
    assertThat(compile(condition).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("customer.segment holds when the customer is in one of the segments")
  void inSegment() {
    EvaluationContext member = segmentEntered(Events.customer().inSegments(SegmentId.of("seg_2")));
    assertThat(compile(new Condition.InSegment(Set.of(SegmentId.of("seg_1"), SegmentId.of("seg_2")))).test(member))
        .isTrue();
  }

  @Test
  @DisplayName("customer.segment fails when the customer is in none of them, listing them in order")
  void notInSegment() {
    EvaluationContext outsider = segmentEntered(Events.customer().inSegments(SegmentId.of("seg_3")));
    assertThat(compile(new Condition.InSegment(Set.of(SegmentId.of("seg_2"), SegmentId.of("seg_1")))).failure(outsider))
        .isEqualTo("customer.segment $in [seg_1, seg_2]");
  }

  @Test
  @DisplayName("a compiled condition describes what must hold")
  void describes() {
    assertThat(compile(Condition.all(ABOVE_1000, new Condition.Not(BELOW_100))))
        .hasToString("all of [order.amount $more_than 1000, not (order.amount $less_than 100)]");
  }
}
