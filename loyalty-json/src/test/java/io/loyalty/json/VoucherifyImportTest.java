package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.CardSummary;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Lot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An import from a Voucherify export built from the seeds (seed 001's campaign, seed 000's member) and the digest's
 * bucket shape: every balance and bucket carried over with its last day, pending points carried over as pending
 * until their day, and a second run that changes nothing.
 */
@DisplayName("import from Voucherify: program, members, buckets, pending points; idempotent")
class VoucherifyImportTest {
  private static final ProgramId PROGRAM = ProgramId.of("camp_wGlqXtnHddb39DvHuuhvvbxi");
  private static final CardCode CARD = CardCode.of("ACME-CARD-3ug8G2E");

  /** Seed 000's member, with a balance of 450: 100 and 150 points in buckets, 200 that never expire. */
  private static String member() {
    return seed("000-member-response.json").replace("\"points\": 0,\n    \"balance\": 0",
        "\"points\": 450,\n    \"balance\": 450");
  }

  private static String bucket(String id, long points, String status, String lastDay) {
    return "{\"id\": \"" + id + "\", \"voucher_id\": \"v_GqbkSoXI6WDi3WTFJ76xXyrGRSQxYXbD\", \"campaign_id\": \""
        + PROGRAM.value() + "\", \"bucket\": {\"total_points\": " + points + "}, \"status\": \"" + status + "\","
        + " \"expires_at\": \"" + lastDay + "\", \"created_at\": \"2024-01-10T10:00:00.000Z\", \"object\": \"loyalty_points_bucket\"}";
  }

  private static final String BUCKETS = "[" + bucket("lopb_1", 100, "ACTIVE", "2024-06-30") + ", "
      + bucket("lopb_2", 150, "ACTIVE", "2024-09-30") + ", " + bucket("lopb_0", 80, "EXPIRED", "2024-01-31") + "]";
  private static final String PENDING = "[{\"id\": \"lopp_1\", \"voucher_id\": \"v_GqbkSoXI6WDi3WTFJ76xXyrGRSQxYXbD\","
      + " \"campaign_id\": \"" + PROGRAM.value() + "\", \"points\": 30, \"activates_at\": \"2024-03-20\","
      + " \"created_at\": \"2024-03-10T10:00:00.000Z\"}]";

  @Test
  @DisplayName("the campaign and a member with buckets and pending points; run twice, nothing changes")
  void importsOnce() {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC)).build();
    VoucherifyImport importer = VoucherifyImport.into(engine, WIRE);
    List<VoucherifyImport.Member> members = List.of(new VoucherifyImport.Member(member(), BUCKETS, PENDING));
    VoucherifyImport.Report first = importer.run(seed("001-campaign-response.json"), PROGRAM, null, members);
    assertThat(first.programDefined()).isTrue();
    assertThat(first.members()).isEqualTo(1);
    assertThat(first.points()).isEqualTo(450);
    assertThat(first.pendingPoints()).isEqualTo(30);
    assertThat(first.notCarried()).isEmpty();
    assertThat(engine.balance(CARD)).isEqualTo(450);
    assertThat(engine.pendingPoints(CARD, Instant.parse("2024-03-15T12:00:00Z"))).isEqualTo(30);
    assertThat(engine.balance(CARD, Instant.parse("2024-03-19T23:59:59Z"))).as("pending until 00:00 of its day")
        .isEqualTo(450);
    assertThat(engine.balance(CARD, Instant.parse("2024-03-20T00:00:00Z"))).isEqualTo(480);
    assertThat(engine.pendingPoints(CARD, Instant.parse("2024-03-20T00:00:00Z"))).isZero();
    assertThat(engine.card(CARD).holder()).hasToString("cust_ySv6heq8iPQhzt0HjGCFlMni");
    List<Lot> lots = engine.lots(CARD, Instant.parse("2024-03-15T12:00:00Z"));
    assertThat(lots).extracting(l -> l.remaining() + " until " + l.expiresAt()).containsExactly(
        "100 until " + LocalDate.parse("2024-07-01").atStartOfDay(engine.program(PROGRAM).zone()).toInstant(),
        // the pending lot, expiring by the campaign's rule counted from its activation on 2024-03-20
        "30 until " + LocalDate.parse("2024-07-01").atStartOfDay(engine.program(PROGRAM).zone()).toInstant(),
        "150 until " + LocalDate.parse("2024-10-01").atStartOfDay(engine.program(PROGRAM).zone()).toInstant(),
        "200 until null");
    CardSummary summary = engine.summary(CARD, Instant.parse("2024-03-15T12:00:00Z"));
    assertThat(summary.nextExpirationDate()).isEqualTo(LocalDate.parse("2024-06-30"));
    assertThat(summary.nextExpirationPoints()).isEqualTo(100);

    VoucherifyImport.Report again = importer.run(seed("001-campaign-response.json"), PROGRAM, null, members);
    assertThat(again.programDefined()).as("the stored definition is the same").isFalse();
    assertThat(again.points()).isZero();
    assertThat(again.pendingPoints()).isZero();
    assertThat(engine.balance(CARD)).isEqualTo(450);
    assertThat(engine.pendingPoints(CARD, Instant.parse("2024-03-15T12:00:00Z"))).isEqualTo(30);
    assertThat(engine.ledger(CARD)).hasSize(4);
    assertThat(engine.program(PROGRAM).version()).isEqualTo(1);
  }

  @Test
  @DisplayName("pending points already due at the import are carried over as usable points, and said so")
  void duePendingPointsAreUsable() {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(Instant.parse("2024-03-25T12:00:00Z"), ZoneOffset.UTC)).build();
    VoucherifyImport importer = VoucherifyImport.into(engine, WIRE);
    List<VoucherifyImport.Member> members = List.of(new VoucherifyImport.Member(member(), null, PENDING));
    VoucherifyImport.Report first = importer.run(seed("001-campaign-response.json"), PROGRAM, null, members);
    assertThat(first.points()).isEqualTo(480);
    assertThat(first.pendingPoints()).isZero();
    assertThat(first.notCarried()).singleElement().asString().contains("lopp_1", "due by the import", "usable");
    assertThat(engine.balance(CARD)).isEqualTo(480);
    assertThat(importer.run(seed("001-campaign-response.json"), PROGRAM, null, members).points()).isZero();
    assertThat(engine.balance(CARD)).isEqualTo(480);
  }

  @Test
  @DisplayName("run again after the pending points' day has come, the import still adds nothing and reports nothing")
  void runAgainAfterTheDay() {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-15T12:00:00Z"));
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock).build();
    VoucherifyImport importer = VoucherifyImport.into(engine, WIRE);
    List<VoucherifyImport.Member> members = List.of(new VoucherifyImport.Member(member(), null, PENDING));
    assertThat(importer.run(seed("001-campaign-response.json"), PROGRAM, null, members).pendingPoints()).isEqualTo(30);
    clock.instant = Instant.parse("2024-03-25T12:00:00Z");
    VoucherifyImport.Report again = importer.run(seed("001-campaign-response.json"), PROGRAM, null, members);
    assertThat(again.points()).isZero();
    assertThat(again.pendingPoints()).isZero();
    assertThat(again.notCarried()).isEmpty();
    assertThat(engine.balance(CARD)).as("the pending points activated on their day").isEqualTo(480);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant instant;

    MutableClock(Instant start) {
      instant = start;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return instant;
    }
  }
}
