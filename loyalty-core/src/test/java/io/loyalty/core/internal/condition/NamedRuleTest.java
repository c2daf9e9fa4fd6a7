package io.loyalty.core.internal.condition;

import static io.loyalty.core.internal.condition.Events.cart;
import static io.loyalty.core.internal.condition.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.condition.CompiledCondition.Kind;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Operator;
import io.loyalty.spi.program.ValidationRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Named validation rules resolved through the host at evaluation time. */
class NamedRuleTest {
  private static final Condition ABOVE_1000 = new Condition.OrderAmount(Comparison.moreThan(1000));
  private static final Condition ABOVE_9000 = new Condition.OrderAmount(Comparison.moreThan(9000));

  /** The host's rules, changeable during a test; returns a fresh equal record on every lookup. */
  private final Map<ValidationRuleId, ValidationRule> host = new ConcurrentHashMap<>();
  private final ConditionCompiler compiler = new ConditionCompiler();
  /** The host's answers, as an evaluation sees them: a fresh equal record on every lookup. */
  private final Answers answers = new Answers() {
    @Override
    public boolean inCollection(io.loyalty.spi.CollectionId collection, OrderItem item) {
      return false;
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      return Optional.ofNullable(host.get(id)).map(NamedRuleTest::copy).orElse(null);
    }
  };
  private final EvaluationContext AMOUNT_5000 = paid(5000).withAnswers(answers);

  private static ValidationRule copy(ValidationRule rule) {
    return new ValidationRule(rule.id(), rule.name(), rule.condition(), rule.errorMessage());
  }

  private void define(String id, Condition condition, @Nullable String errorMessage) {
    host.put(ValidationRuleId.of(id), new ValidationRule(ValidationRuleId.of(id), id, condition, errorMessage));
  }

  private static Condition named(String id) {
    return new Condition.Named(ValidationRuleId.of(id));
  }

  @Test
  @DisplayName("a named rule that holds makes the condition hold")
  void foundAndHolds() {
    define("val_big", ABOVE_1000, null);
    assertThat(compiler.compile(named("val_big")).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("a failing named rule with an error message fails with that message")
  void failsWithErrorMessage() {
    define("val_big", ABOVE_9000, "Order too small for points");
    assertThat(compiler.compile(named("val_big")).check(AMOUNT_5000))
        .isEqualTo(new Failure(Kind.FAILED, "Order too small for points"));
  }

  @Test
  @DisplayName("a failing named rule without an error message names the rule and what failed")
  void failsWithoutErrorMessage() {
    define("val_big", ABOVE_9000, null);
    assertThat(compiler.compile(named("val_big")).failure(AMOUNT_5000))
        .isEqualTo("validation rule val_big: order.amount $more_than 9000 (was 5000)");
  }

  @Test
  @DisplayName("a blank error message counts as none")
  void blankErrorMessage() {
    define("val_big", ABOVE_9000, " ");
    assertThat(compiler.compile(named("val_big")).failure(AMOUNT_5000)).startsWith("validation rule val_big: ");
  }

  @Test
  @DisplayName("a missing named rule fails as not found, which the caller can tell apart")
  void missing() {
    assertThat(compiler.compile(named("val_x")).check(AMOUNT_5000))
        .isEqualTo(new Failure(Kind.RULE_NOT_FOUND, "validation rule val_x not found"));
  }

  @Test
  @DisplayName("a rule the host adds after compilation is found at the next evaluation")
  void addedLater() {
    CompiledCondition condition = compiler.compile(named("val_big"));
    condition.test(AMOUNT_5000);
    define("val_big", ABOVE_1000, null);
    assertThat(condition.test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("a rule the host changes after compilation applies at the next evaluation")
  void changedLater() {
    define("val_big", ABOVE_1000, null);
    CompiledCondition condition = compiler.compile(named("val_big"));
    condition.test(AMOUNT_5000);
    define("val_big", ABOVE_9000, null);
    assertThat(condition.test(AMOUNT_5000)).isFalse();
  }

  @Test
  @DisplayName("compiled bodies are cached by rule value, so equal rules are compiled once")
  void cacheByValue() {
    define("val_big", ABOVE_1000, null);
    CompiledCondition condition = compiler.compile(Condition.all(named("val_big"), named("val_big")));
    for (int i = 0; i < 10; i++) {
      condition.test(AMOUNT_5000);
    }
    assertThat(compiler.cachedRules()).isEqualTo(1);
  }

  @Test
  @DisplayName("the cache of compiled bodies stays bounded however many rule versions the host serves")
  void cacheBounded() {
    CompiledCondition condition = compiler.compile(named("val_big"));
    for (int i = 0; i <= ConditionCompiler.MAX_CACHED_RULES + 10; i++) {
      define("val_big", new Condition.OrderAmount(Comparison.moreThan(i)), null);
      condition.test(AMOUNT_5000);
    }
    assertThat(compiler.cachedRules()).isBetween(1, ConditionCompiler.MAX_CACHED_RULES);
  }

  @Test
  @DisplayName("not of a missing rule is still not found rather than holding")
  void notOfMissing() {
    assertThat(compiler.compile(new Condition.Not(named("val_x"))).check(AMOUNT_5000).kind())
        .isEqualTo(Kind.RULE_NOT_FOUND);
  }

  @Test
  @DisplayName("any holds when another alternative holds, whatever a missing rule would say")
  void anyWithMissing() {
    assertThat(compiler.compile(Condition.any(named("val_x"), ABOVE_1000)).test(AMOUNT_5000)).isTrue();
  }

  @Test
  @DisplayName("all with a missing rule fails plainly when another part is false")
  void allWithMissingAndFalse() {
    assertThat(compiler.compile(Condition.all(named("val_x"), ABOVE_9000)).check(AMOUNT_5000).kind())
        .isEqualTo(Kind.FAILED);
  }

  @Test
  @DisplayName("all with a missing rule and true parts is not found")
  void allWithMissingAndTrue() {
    assertThat(compiler.compile(Condition.all(ABOVE_1000, named("val_x"))).failure(AMOUNT_5000))
        .isEqualTo("validation rule val_x not found");
  }

  @Test
  @DisplayName("a missing rule inside a numbered condition keeps its not-found text")
  void missingInNumbered() {
    assertThat(compiler.compile(Condition.numbered("1 and 2", ABOVE_1000, named("val_x"))).check(AMOUNT_5000))
        .isEqualTo(new Failure(Kind.RULE_NOT_FOUND, "validation rule val_x not found"));
  }

  @Test
  @DisplayName("named rules that refer to each other are reported as invalid instead of overflowing the stack")
  void cycle() {
    define("val_a", named("val_b"), null);
    define("val_b", named("val_a"), null);
    Failure failure = compiler.compile(named("val_a")).check(AMOUNT_5000);
    assertThat(failure.kind()).isEqualTo(Kind.RULE_INVALID);
  }

  @Test
  @DisplayName("a malformed named rule is reported as invalid with its first problem")
  void malformedBody() {
    define("val_bad", new Condition.OrderAmount(new Comparison(Operator.IN, List.of())), null);
    assertThat(compiler.compile(named("val_bad")).check(AMOUNT_5000)).isEqualTo(new Failure(Kind.RULE_INVALID,
        "validation rule val_bad is invalid: condition.comparison.operands $in takes one or more operands (was [])"));
  }

  @Test
  @DisplayName("a named rule of line checks can be used inside order.items each")
  void namedInsideEach() {
    define("val_bulk", new Condition.ItemQuantity(Comparison.atLeast(5)), null);
    Condition condition = new Condition.Items(Condition.Quantifier.ANY, List.of(), named("val_bulk"));
    EvaluationContext ctx = cart(OrderItem.product("prod_1", 1, 100), OrderItem.product("prod_2", 6, 100))
        .withAnswers(answers);
    assertThat(compiler.compile(condition).test(ctx)).isTrue();
  }

  @Test
  @DisplayName("a named rule of line checks used at order level fails, saying it is outside order.items")
  void lineCheckAtOrderLevel() {
    define("val_bulk", new Condition.ItemQuantity(Comparison.atLeast(5)), null);
    assertThat(compiler.compile(named("val_bulk")).failure(AMOUNT_5000))
        .isEqualTo("validation rule val_bulk: order.items.quantity $more_than_or_equal 5 (used outside order.items)");
  }

  @Test
  @DisplayName("one compiled condition gives the same answers from many threads while the host changes the rule")
  void threadSafe() throws InterruptedException {
    define("val_big", ABOVE_1000, null);
    CompiledCondition condition = compiler.compile(Condition.all(named("val_big"), ABOVE_1000));
    List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          String failure = condition.failure(AMOUNT_5000);
          if (failure != null && !failure.equals("validation rule val_big: order.amount $more_than 9000 (was 5000)")) {
            errors.add(failure);
          }
        }
      });
      threads[t].start();
    }
    for (int i = 0; i < 200; i++) {
      define("val_big", i % 2 == 0 ? ABOVE_9000 : ABOVE_1000, null);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(errors).isEmpty();
  }
}
