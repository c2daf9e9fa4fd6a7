package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.tier.TierPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("program bodies stored by earlier versions")
class StoredProgramsTest {
  @Test
  @DisplayName("a program body written before tiers existed reads back with no tiers and the default policy")
  void bodyWithoutTiers() {
    Program program = Program.builder(ProgramId.of("camp_old"), "old")
        .earningRule(EarningRule.builder(RuleId.of("ern_1"), Trigger.ORDER_PAID, PointsFormula.fixed(5)).build())
        .build().withVersion(3);
    String body = SpiJson.write(program);
    assertThat(body).contains("\"tiers\":[]").contains("\"tierPolicy\":");
    String old = body.replace("\"tiers\":[],", "").replaceAll("\"tierPolicy\":\\{[^}]*\\{[^}]*\\}\\},", "");
    assertThat(old).doesNotContain("tier");
    Program read = SpiJson.read(old, Program.class);
    assertThat(read).isEqualTo(program);
    assertThat(read.tierPolicy()).isEqualTo(TierPolicy.BALANCE_DROP);
  }

  @Test
  @DisplayName("a program body written before wallets and statuses reads back as the v1 program it was")
  void bodyWithoutWallets() {
    Program program = Program.builder(ProgramId.of("camp_old"), "old")
        .earningRule(EarningRule.builder(RuleId.of("ern_1"), Trigger.ORDER_PAID, PointsFormula.fixed(5)).build())
        .build().withVersion(2);
    String body = SpiJson.write(program);
    String old = body.replace(",\"wallets\":[]", "").replace(",\"wallet\":\"main\"", "")
        .replace(",\"branch\":null", "").replace(",\"status\":\"ACTIVE\"", "");
    assertThat(old).doesNotContain("wallet").doesNotContain("branch").doesNotContain("\"status\"");
    Program read = SpiJson.read(old, Program.class);
    assertThat(read).isEqualTo(program);
    assertThat(read.earningRules().get(0).wallet()).isEqualTo(io.loyalty.spi.WalletId.MAIN);
    assertThat(read.isV2()).isFalse();
  }
}
