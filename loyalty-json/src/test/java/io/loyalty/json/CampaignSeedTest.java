package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.tier.TierPolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seeds' campaign bodies read into programs, written back, and read again. */
class CampaignSeedTest {
  private static final ProgramId ID = ProgramId.of("camp_wGlqXtnHddb39DvHuuhvvbxi");

  @Test
  @DisplayName("seed 001's create body carries every field the engine keeps")
  void createBodyOfSeed001() {
    Program p = WIRE.readProgram(seed("001-campaign-create.json"), ID);

    assertThat(p.name()).isEqualTo("Loyalty Program 4");
    assertThat(p.autoJoin()).isTrue();
    assertThat(p.pool()).isEqualTo(CardPool.fixed(2));
    assertThat(p.validity().startDate()).isEqualTo(Instant.parse("2016-10-26T00:00:00Z"));
    assertThat(p.validity().expirationDate()).isEqualTo(Instant.parse("2024-10-26T00:00:00Z"));
    assertThat(p.validity().timeframe()).isEqualTo(Timeframe.of("P1D", "PT1H"));
    assertThat(p.validity().daysOfWeek()).isEqualTo(EnumSet.complementOf(EnumSet.of(DayOfWeek.SATURDAY)));
    assertThat(p.card().activityDurationAfterPublishing()).isEqualTo(IsoDuration.parse("P24D"));
    assertThat(p.card().initialPoints()).isZero();
    assertThat(p.card().expiration())
        .isEqualTo(new ExpirationRule.AfterMonths(3, ExpirationRule.RoundUp.END_OF_QUARTER, null));
    assertThat(p.card().redemptionQuantity()).isEqualTo(2);
    assertThat(p.card().codeConfig()).isEqualTo(CodeConfig.pattern("L-CARD-#######"));
    assertThat(p.tierPolicy()).isEqualTo(new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P3M"),
            new TierPolicy.Rounding(TierPolicy.CalendarPeriod.MONTH, TierPolicy.Strategy.END, null))));
    assertThat(p.metadata().get("test")).isEqualTo(new MetaValue.Flag(true));
  }

  @Test
  @DisplayName("seed 001's response describes the program its create body does (but the pool still generating)")
  void responseOfSeed001MatchesItsRequest() {
    Program created = WIRE.readProgram(seed("001-campaign-create.json"), ID);
    Program answered = WIRE.readProgram(seed("001-campaign-response.json"));

    assertThat(answered.id()).isEqualTo(ID);
    // the response echoes the default charset and shows 0 cards while generation is IN_PROGRESS
    assertThat(answered.card().codeConfig().effectiveCharset()).isEqualTo(created.card().codeConfig().effectiveCharset());
    assertThat(answered.pool().vouchersCount()).isZero();
    Program normalized = answered.toBuilder()
        .pool(created.pool())
        .card(answered.card().withCodeConfig(created.card().codeConfig()))
        .build();
    assertThat(normalized).isEqualTo(created);
  }

  @Test
  @DisplayName("a program written as a campaign reads back equal")
  void writtenCampaignReadsBack() {
    Program p = WIRE.readProgram(seed("001-campaign-create.json"), ID);

    String written = WIRE.write(p);

    assertThat(WIRE.readProgram(written)).isEqualTo(p);
    assertThat(written).contains("\"campaign_type\":\"LOYALTY_PROGRAM\"", "\"object\":\"campaign\"",
        "\"validity_day_of_week\":[0,1,2,3,4,5]", "\"loyalty_tiers_expiration\":{\"qualification_type\":\"BALANCE\"");
  }

  @Test
  @DisplayName("seed 000's campaign (type AUTO-UPDATE with a hyphen, as the guide writes it) is an AUTO_UPDATE pool")
  void createBodyOfSeed000() {
    Program p = WIRE.readProgram(seed("000-campaign-create.json"), ProgramId.of("camp_acme"));

    assertThat(p.name()).isEqualTo("ACME Loyalty Program");
    assertThat(p.pool()).isEqualTo(CardPool.growing(1000));
    assertThat(p.validity().startDate()).isEqualTo(Instant.parse("2018-10-26T00:00:00Z"));
    assertThat(p.card().codeConfig().pattern()).isEqualTo("ACME-CARD-#######");
    assertThat(p.tierPolicy()).isEqualTo(TierPolicy.BALANCE_DROP);
    assertThat(WIRE.write(p)).contains("\"type\":\"AUTO_UPDATE\"");
  }
}
