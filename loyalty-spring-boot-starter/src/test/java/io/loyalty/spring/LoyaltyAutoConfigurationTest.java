package io.loyalty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.OutboxRelay;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.micrometer.LoyaltyMetrics;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.webhooks.VoucherifyEvents;
import io.loyalty.webhooks.EndpointSwitches;
import io.loyalty.webhooks.WebhookPublisher;
import io.loyalty.webhooks.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("the starter's auto-configuration")
class LoyaltyAutoConfigurationTest {
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static EmbeddedPostgres postgres;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LoyaltyAutoConfiguration.class));

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static synchronized DataSource postgres() throws IOException {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().start();
    }
    return postgres.getPostgresDatabase();
  }

  @Test
  void with_nothing_defined_it_builds_an_engine_on_the_in_memory_store_and_the_system_clock() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(LoyaltyEngine.class).hasSingleBean(Clock.class);
      assertThat(context.getBean(LoyaltyStore.class)).isInstanceOf(InMemoryLoyaltyStore.class);
      assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
      assertThat(context).hasSingleBean(LoyaltyMetrics.class).hasBean("loyaltyMetricsRelay")
          .doesNotHaveBean(WebhookPublisher.class);
    });
  }

  @Test
  void every_bean_backs_off_when_the_application_defines_its_own() {
    InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    runner.withBean(LoyaltyStore.class, () -> store).withBean(Clock.class, () -> clock).run(context -> {
      assertThat(context.getBean(LoyaltyStore.class)).isSameAs(store);
      assertThat(context.getBean(Clock.class)).isSameAs(clock);
      LoyaltyEngine engine = context.getBean(LoyaltyEngine.class);
      engine.define(Program.builder(ProgramId.of("camp_a"), "A").build());
      assertThat(store.program(ProgramId.of("camp_a"))).as("the engine writes to the application's store").isPresent();
    });
    LoyaltyEngine own = LoyaltyEngine.builder().clock(clock).build();
    runner.withBean(LoyaltyEngine.class, () -> own).run(context ->
        assertThat(context.getBean(LoyaltyEngine.class)).isSameAs(own));
  }

  @Test
  void without_micrometer_there_is_no_binder_and_the_engine_still_starts() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
      assertThat(context).hasSingleBean(LoyaltyEngine.class).doesNotHaveBean(LoyaltyMetrics.class)
          .doesNotHaveBean(OutboxRelay.class);
    });
  }

  @Test
  void loyalty_metrics_enabled_false_turns_the_binder_off() {
    runner.withPropertyValues("loyalty.metrics.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean(LoyaltyMetrics.class));
  }

  @Test
  void a_meter_registry_of_the_application_gets_the_engine_meters() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("loyalty.metrics.programs=camp_a").run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.find("loyalty.events").meters()).isNotEmpty();
          assertThat(registry.find("loyalty.liability").tag("program", "camp_a").gauge()).isNotNull();
          assertThat(registry.find("loyalty.outbox.lag").tag("consumer", "metrics").gauge()).isNotNull();
        });
  }

  @Test
  void a_data_source_makes_the_store_postgresql_unless_memory_is_asked_for() throws IOException {
    DataSource dataSource = postgres();
    runner.withBean(DataSource.class, () -> dataSource).run(context ->
        assertThat(context.getBean(LoyaltyStore.class)).isInstanceOf(JdbcLoyaltyStore.class));
    runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("loyalty.store=memory").run(context ->
        assertThat(context.getBean(LoyaltyStore.class)).isInstanceOf(InMemoryLoyaltyStore.class));
  }

  @Test
  void the_jar_carries_configuration_metadata_for_every_loyalty_property() throws IOException {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
      var names = new ObjectMapper().readTree(in).path("properties").findValuesAsText("name");
      assertThat(names).contains("loyalty.store", "loyalty.metrics.enabled", "loyalty.metrics.programs",
          "loyalty.webhooks.enabled", "loyalty.webhooks.endpoints", "loyalty.webhooks.timeout");
    }
  }

  @Test
  void loyalty_store_jdbc_without_a_data_source_fails_the_start_rather_than_keep_points_in_memory() {
    runner.withPropertyValues("loyalty.store=jdbc").run(context -> assertThat(context).hasFailed());
  }

  @Test
  void an_order_taken_by_the_engine_reaches_a_webhook_receiver_as_a_signed_points_added_event() throws Exception {
    try (Receiver receiver = new Receiver()) {
      runner.withPropertyValues("loyalty.webhooks.enabled=true", "loyalty.webhooks.project-id=proj_shop",
          "loyalty.webhooks.endpoints[0].id=crm", "loyalty.webhooks.endpoints[0].url=" + receiver.url(),
          "loyalty.webhooks.endpoints[0].secret=s3cr3t",
          "loyalty.webhooks.endpoints[0].events[0]=" + VoucherifyEvents.POINTS_ADDED).run(context -> {
            assertThat(context).hasSingleBean(WebhookPublisher.class);
            LoyaltyEngine engine = context.getBean(LoyaltyEngine.class);
            ProgramId program = ProgramId.of("camp_shop");
            engine.define(Program.builder(program, "Shop").earningRules(List.of(EarningRule.builder(
                RuleId.of("per_euro"), Trigger.ORDER_PAID, PointsFormula.proportional(new Measure.OrderAmount(), 100,
                    1)).build())).build());
            engine.enrol(program, CustomerId.of("cust_1"));
            Instant now = context.getBean(Clock.class).instant();
            engine.apply(OrderPaid.of("order.paid:ord_1", now, Customer.of("cust_1"), Order.ofAmount("ord_1", "EUR", 2_500)));

            WebhookPublisher webhooks = context.getBean(WebhookPublisher.class);
            for (int i = 0; i < 1_000 && receiver.requests().isEmpty(); i++) {
              webhooks.runOnce("crm"); // the started thread may have sent it already; this only hurries it
              Thread.sleep(10);
            }
            assertThat(receiver.requests()).hasSize(1);
            Receiver.Request request = receiver.requests().get(0);
            assertThat(WebhookSignature.verify("s3cr3t", request.body(), request.signature())).isTrue();
            var body = new ObjectMapper().readTree(request.body());
            assertThat(body.path("type").asText()).isEqualTo(VoucherifyEvents.POINTS_ADDED);
            assertThat(body.path("project_id").asText()).isEqualTo("proj_shop");
            assertThat(body.at("/data/transaction/type").asText()).isEqualTo("POINTS_ACCRUAL");
            assertThat(body.at("/data/balance/points").asLong()).isEqualTo(25);
          });
    }
  }

  @Test
  void an_endpoint_switches_bean_of_the_application_keeps_the_publishers_switches() {
    EndpointSwitches switches = EndpointSwitches.inMemory();
    switches.record("crm", false);
    runner.withBean(EndpointSwitches.class, () -> switches)
        .withPropertyValues("loyalty.webhooks.enabled=true", "loyalty.webhooks.endpoints[0].id=crm",
            "loyalty.webhooks.endpoints[0].url=http://localhost:9/hooks", "loyalty.webhooks.endpoints[0].secret=s3cr3t")
        .run(context -> {
          WebhookPublisher webhooks = context.getBean(WebhookPublisher.class);
          assertThat(webhooks.isEnabled("crm")).as("disabled as recorded before the start").isFalse();
          webhooks.enable("crm");
          assertThat(switches.enabled("crm")).contains(true);
        });
  }
}
