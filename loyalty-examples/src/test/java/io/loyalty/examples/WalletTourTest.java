package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The wallet tour prints each order's first matching earning into its wallets, their terms, and a refund from both. */
class WalletTourTest {
  @Test
  void the_tour_earns_into_two_wallets_by_first_match_and_refunds_from_both() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new WalletTour(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.lines().filter(l -> l.startsWith("Wallet "))).hasSize(2);
    // $45: the big-order earning does not match, the every-order one gives a point per dollar
    assertThat(out).contains("Program lprg_acme_wallets (ACTIVE) assembled from [lcd_store_points, lcd_partner_miles]");
    assertThat(out).contains("A $45 order: 45 into lcd_store_points (skipped: CONDITION_FAILED)");
    assertThat(out).contains("a $250 order would earn: 200 into lcd_store_points 500 into lcd_partner_miles");
    // $250: the first earning matches: 200 points and 2 miles per dollar; the every-order earning is skipped
    assertThat(out).contains("A $250 order: 200 into lcd_store_points 500 into lcd_partner_miles"
        + " (skipped: EARLIER_EARNING_MATCHED)");
    assertThat(out).contains("Balances: lcd_store_points 245 (pending 0) lcd_partner_miles 0 (pending 500)");
    assertThat(out).contains("(the miles' 14 days are over): Balances: lcd_store_points 245 (pending 0)"
        + " lcd_partner_miles 500 (pending 0)");
    assertThat(out).contains("(March's points went at the end of June): Balances: lcd_store_points 0 (pending 0)"
        + " lcd_partner_miles 500 (pending 0)");
    assertThat(out).contains("Refund of o2 takes back 200 from wallet lcd_store_points",
        "Refund of o2 takes back 500 from wallet lcd_partner_miles");
    assertThat(out).endsWith("Balances: lcd_store_points 45 (pending 0) lcd_partner_miles 0 (pending 0)"
        + System.lineSeparator());
  }
}
