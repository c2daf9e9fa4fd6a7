package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A v1 earning rule ({@code object: "earning_rule"}), as created, updated and read. */
@JsonIgnoreProperties({"created_at", "updated_at", "automation_id"})
public record EarningRuleWire(
    @Nullable String id,
    @Nullable String event,
    @Nullable IdRef segment,
    @Nullable SchemaRef customEvent,
    @Nullable IdRef loyaltyTier,
    @Nullable LoyaltyWire loyalty,
    @Nullable Source source,
    @Nullable String validationRuleId,
    @Nullable Boolean active,
    @Nullable String startDate,
    @Nullable String expirationDate,
    @Nullable TimeframeWire validityTimeframe,
    @Nullable List<Integer> validityDayOfWeek,
    @Nullable HoursWire validityHours,
    @Nullable PendingPointsWire pendingPoints,
    @Nullable ExpirationRulesWire expirationRules,
    @Nullable ObjectNode metadata,
    @Nullable String object) {

  /** An object naming another by {@code id}. */
  public record IdRef(@Nullable String id) {}

  /** {@code custom_event}: the event schema. */
  public record SchemaRef(@Nullable String schemaId) {}

  /** {@code source}: the banner and, on output, the campaign. */
  public record Source(@Nullable String banner, @Nullable String objectId, @Nullable String objectType) {}

  /** {@code pending_points}: {@code DAY} periods only. */
  public record PendingPointsWire(@Nullable String periodType, @Nullable Long periodValue) {}

  /** {@code loyalty}: FIXED points or PROPORTIONAL to a measure. */
  public record LoyaltyWire(
      @Nullable String type,
      @Nullable Long points,
      @Nullable String pointsFormula,
      @Nullable String calculationType,
      @Nullable OrderMeasures order,
      @Nullable ItemMeasures orderItems,
      @Nullable MetadataMeasure customer,
      @Nullable MetadataMeasure customEvent) {}

  /** {@code loyalty.order}: one of {@code amount}, {@code total_amount}, {@code metadata}. */
  public record OrderMeasures(@Nullable Ratio amount, @Nullable Ratio totalAmount, @Nullable Ratio metadata) {}

  /** {@code loyalty.order_items}: one of {@code quantity}, {@code amount}, {@code subtotal_amount}. */
  public record ItemMeasures(@Nullable Ratio quantity, @Nullable Ratio amount, @Nullable Ratio subtotalAmount) {}

  /** {@code loyalty.customer} / {@code loyalty.custom_event}: {@code metadata}. */
  public record MetadataMeasure(@Nullable Ratio metadata) {}

  /** {@code every} and {@code points}, with the property or the item targets the measure needs. */
  public record Ratio(@Nullable Long every, @Nullable Long points, @Nullable String pointsFormula,
      @Nullable String property, @Nullable String object, @Nullable String id, @Nullable List<Target> applicableTo) {}

  /** An item target: {@code product}, {@code sku} or {@code products_collection} with its id. */
  public record Target(@Nullable String object, @Nullable String id) {}
}
