package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example command plays the seed tutorial; its figures are worked by hand here. */
class SeedTutorialTest {
  static String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SeedTutorial(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void alice_order_earns_through_every_order_formula() {
    String out = run();
    // amount 52 900 (49 900 + 2 × 1 500); item discount 500, order discount 1 000 → total 51 400
    // 5 fixed + 52 900 (every cent) + 51 400 (every cent) + floor(5 / 2) = 2 visits + floor(49 900 / 2) = 24 950
    // phone + floor(2 500 / 2) = 1 250 accessories + 1 brand phone + 14 months = 130 522
    assertThat(out).contains("order.paid evt_order_1001: 130522 points");
    assertThat(out).contains("quote equals apply: true");
    // page 7: 3 fixed + 7 × 2 + 14 months × 2 = 45; birthday: 14 + 5 = 19
    assertThat(out).contains("page_view evt_view_1: 45 points");
    assertThat(out).contains("customer.segment.entered evt_birthday_1: 19 points");
    assertThat(out).contains("OUTSIDE_TIMEFRAME").contains("OUTSIDE_DAYS_OF_WEEK");
    assertThat(out).contains("retry returns the first outcome (130522 points)");
    assertThat(out).containsPattern("ACME-CARD-[0-9a-zA-Z]{7} \\(alice@morgan.com\\): balance 130586");
  }

  @Test
  void bob_who_does_not_accept_marketing_earns_only_from_unconditioned_rules() {
    String out = run();
    // Bob's case: 1 500 cents; amount 1 500 + total 1 500 + accessories floor(1 500 / 2) = 750 → 3 750
    assertThat(out).contains("order.paid evt_order_1002: 3750 points");
    assertThat(out).contains("VALIDATION_RULE_FAILED: customer does not accept marketing");
  }

  @Test
  void the_order_replays_from_its_receipt_and_a_candidate_definition_says_what_it_would_have_earned() {
    String out = run();
    assertThat(out).contains("replay of evt_order_1001 from its receipt: 130522 points, identical to the recorded"
        + " outcome: true");
    // the first rule is the 5-point FIXED one: 130 522 - 5
    assertThat(out).contains("without rule ern_order_fixed the order would have earned 130517 points instead of 130522");
  }

  @Test
  void the_outbox_holds_an_event_per_ledger_entry_and_per_card_published() {
    String out = run();
    // two cards published, and one event per ledger entry: the 16 entries section 8 lists
    assertThat(out).contains("  member.joined            2").contains("  points.added             16");
  }
}
