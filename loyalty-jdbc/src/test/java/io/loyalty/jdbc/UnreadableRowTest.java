package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a stored definition that can no longer be read fails alone")
class UnreadableRowTest {
  private static final Instant NOW = Instant.parse("2024-03-04T10:00:00Z");
  private static final ProgramId GOOD = ProgramId.of("camp_good");
  private static final ProgramId BAD = ProgramId.of("camp_bad");

  private static void insertProgramRow(DataSource ds, ProgramId id, String body) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_program (id, version, body) VALUES (?, 1, ?)")) {
      p.setString(1, id.value());
      p.setString(2, body);
      p.executeUpdate();
    }
  }

  @Test
  void regression_a_deeply_nested_or_corrupt_stored_program_no_longer_makes_every_event_fail() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    engine.define(Program.builder(GOOD, "Good").pool(CardPool.growing(2))
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .build());
    CardCode card = engine.enrol(GOOD, CustomerId.of("alice")).code();
    // written by hand, as an older version or a faulty migration might have: 5,000 levels of JSON, then garbage
    insertProgramRow(ds, BAD, "[".repeat(5_000) + "]".repeat(5_000));
    insertProgramRow(ds, ProgramId.of("camp_corrupt"), "{\"id\": \"camp_corrupt\", \"name\": 12");

    assertThat(store.programs()).extracting(Program::id).containsExactly(GOOD);
    var outcome = engine.apply(OrderPaid.of("evt_1", NOW, Customer.of("alice"), Order.ofAmount("o1", "EUR", 1_000)));
    assertThat(outcome.points()).isEqualTo(10);
    assertThat(engine.balance(card)).isEqualTo(10);

    LoyaltyException e = catchThrowableOfType(LoyaltyException.class, () -> engine.program(BAD));
    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORED_DEFINITION_UNREADABLE);
    assertThat(e.getMessage()).hasSizeLessThan(200);
  }

  @Test
  void the_json_reader_and_writer_bounds_are_deliberate_and_above_what_validated_records_need() {
    assertThat(SpiJson.MAX_NESTING).isGreaterThan(4 * io.loyalty.spi.Limits.MAX_CONDITION_DEPTH);
    assertThat(SpiJson.MAX_STRING).isGreaterThan(io.loyalty.spi.Limits.MAX_METADATA_TEXT_LENGTH * 10);
    assertThat(List.of(SpiJson.MAX_NESTING, SpiJson.MAX_STRING)).allMatch(n -> n < 20_000_000);
  }
}
