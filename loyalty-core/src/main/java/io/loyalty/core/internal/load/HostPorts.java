package io.loyalty.core.internal.load;

import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.decide.Answering;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.core.internal.eval.Asks;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.HostAnswers.CollectionAnswer;
import io.loyalty.spi.earning.HostAnswers.RuleAnswer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The host's ports as answers: asked one question at a time ({@link Answers}), or asked up front for everything a
 * decision can use ({@link #ask}). Thread-safe when the ports are.
 */
public final class HostPorts implements Answers {
  private final ValidationRules rules;
  private final ProductCollections collections;

  /** Answers from these ports. */
  public HostPorts(ValidationRules rules, ProductCollections collections) {
    this.rules = rules;
    this.collections = collections;
  }

  @Override
  public boolean inCollection(CollectionId collection, OrderItem item) {
    return collections.contains(collection, item);
  }

  @Override
  public @Nullable ValidationRule validationRule(ValidationRuleId id) {
    Optional<ValidationRule> found = rules.find(id);
    return found == null ? null : found.orElse(null);
  }

  /**
   * Every answer a decision evaluating what {@code asks} names on {@code order} can use, asked now: each named rule,
   * and the rules their bodies name in turn as deep as evaluation follows them; each collection named (by the
   * rules' bodies too) for every product and SKU of the order's lines. What {@code known} holds is not asked again;
   * its rules' bodies are followed all the same.
   *
   * @return the answers asked, without those of {@code known}; answers that refuse every question when none was
   */
  public Answers ask(Asks asks, @Nullable Order order, HostAnswers known) {
    if (asks.isEmpty()) {
      return Answering.none();
    }
    Answering.Table table = new Answering.Table(order == null ? 0 : asks.collections().size() * order.items().size());
    askInto(asks, order, known, table);
    return table;
  }

  /** As {@link #ask}, adding to {@code into} what neither {@code known} nor {@code into} holds yet. */
  public void askInto(Asks asks, @Nullable Order order, HostAnswers known, Answering.Table into) {
    if (asks.isEmpty()) {
      return;
    }
    // copied only when named rules' bodies may add to them
    List<CollectionId> named = asks.rules().isEmpty() ? asks.collections() : new ArrayList<>(asks.collections());
    List<ValidationRuleId> ids = asks.rules().isEmpty() ? asks.rules() : new ArrayList<>(asks.rules());
    // level by level, as evaluation nests them: a rule named at depth MAX_NAMED_DEPTH is never looked up
    int from = 0;
    for (int depth = 0; depth < ConditionCompiler.MAX_NAMED_DEPTH && from < ids.size(); depth++) {
      int to = ids.size();
      for (int i = from; i < to; i++) {
        ValidationRuleId id = ids.get(i);
        RuleAnswer answer = find(known.validationRules(), id);
        if (answer == null) {
          answer = into.rule(id);
        }
        if (answer == null) {
          answer = new RuleAnswer(id, validationRule(id));
          into.add(answer);
        }
        if (answer.rule() != null) {
          Asks.collect(answer.rule().condition(), named, ids);
        }
      }
      from = to;
    }
    if (order != null) {
      List<OrderItem> items = order.items();
      for (int c = 0; c < named.size(); c++) {
        CollectionId collection = named.get(c);
        for (int i = 0; i < items.size(); i++) {
          OrderItem item = items.get(i);
          if (!holds(known.collections(), collection, item) && !into.holds(collection, item)) {
            into.add(collection, item, collections.contains(collection, item));
          }
        }
      }
    }
  }

  private static @Nullable RuleAnswer find(List<RuleAnswer> answers, ValidationRuleId id) {
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i).id().equals(id)) {
        return answers.get(i);
      }
    }
    return null;
  }

  private static boolean holds(List<CollectionAnswer> answers, CollectionId collection, OrderItem item) {
    ProductId product = item.product();
    SkuId sku = item.sku();
    for (int i = 0; i < answers.size(); i++) {
      CollectionAnswer a = answers.get(i);
      if (a.collection().equals(collection) && Objects.equals(a.product(), product) && Objects.equals(a.sku(), sku)) {
        return true;
      }
    }
    return false;
  }
}
