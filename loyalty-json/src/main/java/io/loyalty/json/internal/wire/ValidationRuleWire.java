package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A v1 validation rule ({@code POST /v1/validation-rules}): its name, the numbered {@code rules} with their
 * {@code logic}, and the fallback error message. Voucherify's bookkeeping fields are ignored.
 */
@JsonIgnoreProperties({"id", "object", "created_at", "updated_at", "assignments_count", "context_type", "type",
    "bundle_rules"})
public record ValidationRuleWire(
    @Nullable String name,
    @Nullable ObjectNode rules,
    @Nullable ErrorRef error,
    @Nullable JsonNode applicableTo) {

  /** {@code error}: the message a failed rule answers with. */
  public record ErrorRef(@Nullable String message) {}
}
