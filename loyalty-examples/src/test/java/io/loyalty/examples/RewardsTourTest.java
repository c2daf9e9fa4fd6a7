package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rewards tour prints the tutorial's numbers and the pay-with-points math of Voucherify's example. */
class RewardsTourTest {
  @Test
  void the_tour_shows_the_tutorial_redemption_stock_pay_with_points_and_a_rollback() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RewardsTour(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("points 2000, balance 1950, redeemed quantity 1, redeemed points 50");
    assertThat(out).contains("The same request again returns the first result: true");
    assertThat(out).contains("second FAILED: reward_out_of_stock");
    // 100 points at "100 = $20" → 2 000 cents off 45 000; 1 950 − 300 (mug) − 100 = 1 550
    assertThat(out).contains("100 points -> $20.00 off, $430.00 left to pay; balance 1550");
    assertThat(out).contains("Rolled back the mug: ROLLED_BACK, balance 1850, mug stock in use 0");
  }
}
