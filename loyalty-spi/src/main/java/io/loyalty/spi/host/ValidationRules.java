package io.loyalty.spi.host;

import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.ValidationRule;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Resolves named validation rules by id. Implementations are thread-safe and do no slow I/O per call. */
@FunctionalInterface
public interface ValidationRules {
  /** The rule with this id, if the host knows it. */
  Optional<ValidationRule> find(ValidationRuleId id);

  /** No named rules at all. */
  static ValidationRules none() {
    return id -> Optional.empty();
  }

  /** A fixed set of rules. */
  static ValidationRules of(ValidationRule... rules) {
    Map<ValidationRuleId, ValidationRule> map = java.util.Arrays.stream(rules)
        .collect(java.util.stream.Collectors.toUnmodifiableMap(ValidationRule::id, Function.identity()));
    return id -> Optional.ofNullable(map.get(id));
  }
}
