package io.loyalty.spi.program;

import io.loyalty.spi.ValidationRuleId;
import org.jspecify.annotations.Nullable;

/**
 * A named, reusable validation rule (Voucherify's {@code val_…}) that earning rules reference by id.
 *
 * @param id the rule's id
 * @param name a display name
 * @param condition what must hold
 * @param errorMessage the message reported when it does not hold, {@code null} for a generated one
 */
public record ValidationRule(ValidationRuleId id, String name, Condition condition, @Nullable String errorMessage) {}
