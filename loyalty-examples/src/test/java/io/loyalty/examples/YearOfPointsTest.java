package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The year of simulated time, with its figures worked by hand. */
class YearOfPointsTest {
  static String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new YearOfPoints(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_year_shows_pending_points_expiry_a_refund_and_a_transfer() {
    String out = run();
    // January: welcome 100 + ord_1 (55.00 zl, usable from 19 Jan) = 155; ord_2 (70.00 zl, 19 Jan) still pending
    assertThat(out).contains("2026-01-31      155       70        0        0  155 on 2026-04-30");
    // ord_6 = 2 × 27.50 zl on 19 Mar (55 points, pending until 2 Apr); one latte back leaves 27: 28 owed, from pending
    assertThat(out).contains("28 points owed, 28 taken from pending, 0 from balance");
    // the welcome bonus and ord_1 are gone at 00:00 on 1 May: 155 expired
    assertThat(out).contains("2026-05-31      577       40      155        0");
    assertThat(out).contains("200 points moved to BOOK-");
    assertThat(out).containsPattern("Book club card BOOK-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{4}: balance 200");
  }
}
