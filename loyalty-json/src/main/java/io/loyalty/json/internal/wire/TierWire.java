package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A v1 loyalty tier ({@code object: "loyalty_tier"}); {@code config.points} mirrors {@code points}. */
@JsonIgnoreProperties({"created_at", "updated_at", "expiration"})
public record TierWire(
    @Nullable String id,
    @Nullable String name,
    @Nullable String campaignId,
    @Nullable Range points,
    @Nullable Config config,
    @Nullable Map<String, Mapping> earningRules,
    @Nullable Map<String, Mapping> rewards,
    @Nullable ObjectNode metadata,
    @Nullable String object) {

  /** {@code points}: the inclusive range; no {@code to} for the top tier. */
  public record Range(@Nullable Long from, @Nullable Long to) {}

  /** {@code config}. */
  public record Config(@Nullable Range points) {}

  /** A mapping: {@code MULTIPLY} with a {@code multiplier}, or {@code CUSTOM} with {@code points}. */
  public record Mapping(@Nullable String type, java.math.@Nullable BigDecimal multiplier, @Nullable Long points) {}
}
