package io.loyalty.sample;

import io.loyalty.core.DefinitionConflictException;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spring.LoyaltyProperties;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The sample shop: the starter gives it the engine (on PostgreSQL when there is a {@code DataSource}, else in memory)
 * and the webhook publisher; the application adds its program at start and {@link OrderController}.
 */
@SpringBootApplication
public class SampleApplication {
  /** The shop's program: one point per euro paid. */
  public static final ProgramId PROGRAM = ProgramId.of("camp_shop");

  /** Creates the application (Spring calls it). */
  public SampleApplication() {}

  /** Runs the shop on port 8080 (or {@code server.port}). */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /** The shop's program, one point per 100 minor units of the order's amount. */
  static Program shopProgram() {
    return Program.builder(PROGRAM, "Shop").earningRules(List.of(EarningRule.builder(RuleId.of("per_euro"),
        Trigger.ORDER_PAID, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())).build();
  }

  /** Defines the program at start unless a store that outlives the application has it already. */
  @Bean
  CommandLineRunner defineShopProgram(LoyaltyEngine engine) {
    return args -> {
      try {
        engine.define(shopProgram(), 0);
      } catch (DefinitionConflictException alreadyDefined) {
        // a PostgreSQL store keeps the program from an earlier start: keep its version
      }
    };
  }

  /** Voucherify's JSON in the project's zone and currency (the same {@code loyalty.webhooks.*} the webhooks use). */
  @Bean
  VoucherifyJson voucherifyJson(LoyaltyProperties properties) {
    return VoucherifyJson.forProject(ZoneId.of(properties.webhooks().zone()),
        Currency.getInstance(properties.webhooks().currency()));
  }
}
