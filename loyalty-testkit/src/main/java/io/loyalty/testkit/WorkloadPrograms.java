package io.loyalty.testkit;

import io.loyalty.core.LoyaltyEngine;
import java.util.Set;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.host.RandomSource;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two programs every random workload runs, and how an engine is built over a store for them. Alpha: initial
 * points, pending points, expiry by program and by rule, refunds that may leave a debt (UNLIMITED). Beta: auto-join
 * from a STATIC pool smaller than the customer base, refunds within the balance, at most three redemptions held per
 * card. Both offer rewards of {@link WorkloadRewards}. Pools are STATIC so that every card code is drawn when the programs are defined, which
 * makes codes equal across engines whatever their retries.
 */
final class WorkloadPrograms {
  static final ProgramId ALPHA = ProgramId.of("camp_alpha");
  static final ProgramId BETA = ProgramId.of("camp_beta");
  static final List<ProgramId> PROGRAMS = List.of(ALPHA, BETA);
  static final List<CustomerId> CUSTOMERS =
      List.of(CustomerId.of("c0"), CustomerId.of("c1"), CustomerId.of("c2"), CustomerId.of("c3"), CustomerId.of("c4"));
  static final Instant START = Instant.parse("2024-03-04T10:00:00Z");
  static final EventSchema REVIEW = new EventSchema(SchemaId.of("ms_review"), "review",
      Map.of("stars", EventSchema.PropertySpec.required(EventSchema.PropertyType.NUMBER)), false);

  /** The host's one products collection: the lines of product p1. */
  static final CollectionId COLLECTION = CollectionId.of("col_p1");
  /** The host's one named rule: an order of at least 30 euros. */
  static final ValidationRule BIG_ORDER = new ValidationRule(ValidationRuleId.of("val_big_order"), "Big order",
      new Condition.OrderAmount(Comparison.atLeast(3_000)), null);
  static final ProductCollections COLLECTIONS = ProductCollections.of(Map.of(COLLECTION, Set.of("p1")));

  private WorkloadPrograms() {}

  /** Alpha, with {@code perEuro} points per whole euro (a redefinition changes it). */
  static Program alpha(long perEuro) {
    Trigger review = new Trigger.CustomEvent("review", REVIEW.id());
    return Program.builder(ALPHA, "Alpha").zone(ZoneId.of("Europe/Paris")).pool(CardPool.fixed(6))
        .card(CardTemplate.DEFAULT.withInitialPoints(5).withExpiration(ExpirationRule.months(1))
            .withCodeConfig(CodeConfig.pattern("A-####")))
        .refundPolicy(RefundPolicy.UNLIMITED)
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, perEuro)).build())
        .earningRule(EarningRule.builder(RuleId.of("big_basket"), Trigger.ORDER_PAID, PointsFormula.fixed(25))
            .condition(new Condition.OrderAmount(Comparison.atLeast(5_000))).build())
        .earningRule(EarningRule.builder(RuleId.of("sku_qty"), Trigger.ORDER_PAID, PointsFormula.proportional(
            new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(ItemTarget.sku("s1"))), 1, 3))
            .pendingPoints(new PendingPoints(2)).build())
        .earningRule(EarningRule.builder(RuleId.of("review"), review,
            PointsFormula.proportional(new Measure.CustomEventMetadata("stars"), 1, 10))
            .expiration(ExpirationRule.months(0)).build())
        .rewards(WorkloadRewards.alphaOffers())
        .build();
  }

  static Program beta() {
    Trigger review = new Trigger.CustomEvent("review", REVIEW.id());
    return Program.builder(BETA, "Beta").pool(CardPool.fixed(4)).autoJoin(true).refundPolicy(RefundPolicy.WITHIN_BALANCE)
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("B-####")).withRedemptionQuantity(3))
        .earningRule(EarningRule.builder(RuleId.of("per_two_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 200, 1)).build())
        .earningRule(EarningRule.builder(RuleId.of("review_bonus"), review, PointsFormula.fixed(5)).build())
        // answered by the host: a products collection and a named rule, recorded in each receipt
        .earningRule(EarningRule.builder(RuleId.of("collection_units"), Trigger.ORDER_PAID, PointsFormula.proportional(
            new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(ItemTarget.collection(COLLECTION.value()))),
            1, 2)).build())
        .earningRule(EarningRule.builder(RuleId.of("named_big"), Trigger.ORDER_PAID, PointsFormula.fixed(7))
            .validationRule(BIG_ORDER.id()).build())
        .rewards(WorkloadRewards.betaOffers())
        .build();
  }

  /**
   * An engine over the store with the workloads' schema, coupon host and rollback window, the clock, and a random
   * source seeded with {@code seed}.
   */
  static LoyaltyEngine engine(LoyaltyStore store, Clock clock, long seed) {
    return LoyaltyEngine.builder().store(store).clock(clock).random(seeded(seed)).eventSchemas(REVIEW)
        .productCollections(COLLECTIONS).validationRules(BIG_ORDER)
        .rewardFulfilment(WorkloadRewards.HOST).rollbackWindow(WorkloadRewards.ROLLBACK_WINDOW).build();
  }

  /**
   * Defines the reward catalog, then alpha (one point per euro) and beta, which offer its rewards; the points into
   * beta are defined once beta is, since a points reward must name a defined program.
   */
  static void define(LoyaltyEngine engine) {
    WorkloadRewards.CATALOG.stream().filter(r -> r != WorkloadRewards.BETA_POINTS).forEach(engine::defineReward);
    engine.define(beta());
    engine.defineReward(WorkloadRewards.BETA_POINTS);
    engine.define(alpha(1));
  }

  /** A thread-safe random source with a fixed seed. */
  static RandomSource seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return bound -> {
      synchronized (random) {
        return random.nextInt(bound);
      }
    };
  }
}
