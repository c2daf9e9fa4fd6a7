package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tier tour prints the mapped points, each move once, and a history read afterwards that matches the moves. */
class TierTourTest {
  @Test
  void the_tour_shows_mapped_earning_the_moves_and_the_tier_history() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TierTour(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    // Basic earns 1 per dollar; Silver × 1.25 (312.5 rounds down), Gold × 1.5
    assertThat(out).contains("Week 1: a $120 order earns 120 points -> balance 120, tier Silver");
    assertThat(out).contains("Week 2: a $300 order earns 375 points -> balance 495, tier Silver");
    assertThat(out).contains("Week 3: a $250 order earns 312 points -> balance 807, tier Gold");
    assertThat(out).contains("Week 4: a $400 order earns 600 points -> balance 1407, tier Platinum");
    assertThat(out).contains("Day 30: 900 points removed by hand -> balance 507, tier Gold");
    assertThat(out.lines().filter(l -> l.startsWith("  tier.")).map(String::strip).toList()).containsExactly(
        "tier.joined     -            -> ltr_basic    at balance 0",
        "tier.upgraded   ltr_basic    -> ltr_silver   at balance 120",
        "tier.upgraded   ltr_silver   -> ltr_gold     at balance 807",
        "tier.upgraded   ltr_gold     -> ltr_platinum at balance 1407",
        "tier.downgraded ltr_platinum -> ltr_gold     at balance 507");
    assertThat(out).contains("2026-03-02T09:00:00Z  Basic", "2026-03-10T09:00:00Z  Silver (balance 495)",
        "2026-03-24T09:00:00Z  Platinum (balance 1407)", "2026-04-01T09:00:00Z  Gold (balance 507)");
    // seed 001's policy: Gold kept for its term though the balance drops, its bonus earned once, then the balance decides
    assertThat(out).contains(
        "2026-04-06T10:00:00Z: a $550 order -> balance 650 (550 + the Gold bonus), tier Gold until 2026-08-01T00:00:00Z",
        "2026-05-15T10:00:00Z: 600 points spent -> balance 50, tier Gold (kept for its term)",
        "2026-08-03T10:00:00Z: a sweep after the term -> tier Basic",
        "from 2026-04-06T10:00:00Z  Gold   until 2026-08-01T00:00:00Z",
        "from 2026-08-01T00:00:00Z  Basic  until -");
  }
}
