package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.VoucherifyImport;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The import from Voucherify on PostgreSQL: balances, buckets and pending points carried, a second run changes nothing. */
@DisplayName("import from Voucherify on PostgreSQL")
class JdbcImportTest {
  @Test
  void a_member_with_buckets_and_pending_points_is_carried_over_once() throws Exception {
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(Postgres.freshSchema());
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store)
        .clock(Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC)).build();
    VoucherifyImport importer = VoucherifyImport.into(engine,
        VoucherifyJson.forProject(ZoneOffset.UTC, Currency.getInstance("EUR")));
    String campaign = "{\"id\": \"camp_imported\", \"name\": \"Imported\", \"campaign_type\": \"LOYALTY_PROGRAM\","
        + " \"type\": \"AUTO_UPDATE\", \"voucher\": {\"type\": \"LOYALTY_CARD\", \"loyalty_card\": {\"points\": 0}}}";
    String member = "{\"code\": \"IMP-0001\", \"type\": \"LOYALTY_CARD\", \"holder_id\": \"cust_1\","
        + " \"loyalty_card\": {\"points\": 70, \"balance\": 70}, \"object\": \"voucher\"}";
    String buckets = "[{\"id\": \"lopb_a\", \"voucher_id\": \"v_1\", \"campaign_id\": \"camp_imported\","
        + " \"bucket\": {\"total_points\": 40}, \"status\": \"ACTIVE\", \"expires_at\": \"2024-12-31\","
        + " \"created_at\": \"2024-01-01T00:00:00Z\", \"object\": \"loyalty_points_bucket\"}]";
    String pending = "[{\"id\": \"lopp_a\", \"voucher_id\": \"v_1\", \"campaign_id\": \"camp_imported\","
        + " \"points\": 25, \"activates_at\": \"2024-03-18\", \"created_at\": \"2024-03-08T10:00:00Z\"}]";
    List<VoucherifyImport.Member> members = List.of(new VoucherifyImport.Member(member, buckets, pending));
    VoucherifyImport.Report first = importer.run(campaign, ProgramId.of("camp_imported"), null, members);
    VoucherifyImport.Report again = importer.run(campaign, ProgramId.of("camp_imported"), null, members);
    CardCode card = CardCode.of("IMP-0001");
    assertThat(first.points()).isEqualTo(70);
    assertThat(first.pendingPoints()).isEqualTo(25);
    assertThat(first.notCarried()).isEmpty();
    assertThat(again.points()).isZero();
    assertThat(again.pendingPoints()).isZero();
    assertThat(again.programDefined()).isFalse();
    assertThat(engine.balance(card)).isEqualTo(70);
    assertThat(engine.summary(card, Instant.parse("2024-03-15T12:00:00Z")).nextExpirationDate())
        .isEqualTo(LocalDate.parse("2024-12-31"));
    assertThat(engine.pendingPoints(card, Instant.parse("2024-03-17T23:59:59Z"))).isEqualTo(25);
    assertThat(engine.balance(card, Instant.parse("2024-03-18T00:00:00Z"))).isEqualTo(95);
    assertThat(engine.ledger(card)).hasSize(3);
  }
}
