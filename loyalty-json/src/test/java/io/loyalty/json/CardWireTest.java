package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.CardSummary;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** Cards, transactions, buckets and pending points on the wire. */
class CardWireTest {
  private static final ProgramId PROGRAM = ProgramId.of("camp_1");
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");

  @Test
  @DisplayName("seed 002's member response reads as its card: code, campaign, holder, creation")
  void memberResponseOfSeed002() {
    Card card = WIRE.readCard(seed("002-member-response.json"));

    assertThat(card.code()).isEqualTo(CardCode.of("KpzbHUY5"));
    assertThat(card.program()).isEqualTo(ProgramId.of("camp_eTIsUtuzkRXQT6rsUQqrS5Gw"));
    assertThat(card.holder()).isEqualTo(CustomerId.of("cust_8KQmHxAERpgebYcFhSpZRr37"));
    assertThat(card.createdAt()).isEqualTo(Instant.parse("2022-11-21T15:48:57.860Z"));
    assertThat(card.active()).isTrue();
    assertThat(card.redemptions()).isZero();
    assertThat(card.lots()).isEmpty();
  }

  @Test
  @DisplayName("seed 000's abridged member response has no created_at, and says so")
  void memberResponseOfSeed000() {
    assertThatThrownBy(() -> WIRE.readCard(seed("000-member-response.json")))
        .isInstanceOfSatisfying(WireInputException.class, e -> {
          assertThat(e.problem()).isEqualTo(WireInputException.Problem.MISSING_VALUE);
          assertThat(e.violations()).extracting(io.loyalty.spi.Violation::path).containsExactly("created_at");
        });
  }

  private static long between(RandomnessSource in, long min, long max) {
    return Generate.longRange(min, max).generate(in);
  }

  private static Instant millis(RandomnessSource in) {
    return Instant.ofEpochMilli(between(in, 946_684_800_000L, 4_102_444_800_000L));
  }

  private static final Gen<Card> CARDS = in -> Card.builder()
      .code(CardCode.of("CARD-" + between(in, 0, 99_999)))
      .program(ProgramId.of("camp_" + between(in, 0, 9)))
      .holder(between(in, 0, 1) == 0 ? null : CustomerId.of("cust_" + between(in, 0, 999)))
      .createdAt(millis(in))
      .publishedAt(between(in, 0, 1) == 0 ? null : millis(in))
      .expiresAt(between(in, 0, 1) == 0 ? null : millis(in))
      .active(between(in, 0, 1) == 0)
      .redemptions(between(in, 0, Long.MAX_VALUE))
      .build();

  @Test
  @DisplayName("a card written as a voucher reads back as the same card, but for its lots and version")
  void cardsReadBack() {
    qt().withFixedSeed(14_101L).withExamples(300).forAll(CARDS).checkAssert(card -> {
      CardSummary summary = new CardSummary(card.code(), NOW, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0);
      String written = WIRE.writeCard(card, summary, Program.builder(card.program(), "p").build());

      assertThat(WIRE.readCard(written)).isEqualTo(card.toBuilder().version(0).build());
    });
  }

  private static LedgerKey key(RandomnessSource in, CardCode card) {
    RedemptionId redemption = RedemptionId.of((between(in, 0, 1) == 0 ? "auto:" : "r_") + between(in, 0, 999));
    return switch ((int) between(in, 0, 5)) {
      case 0 -> LedgerKey.Source.of("src-" + between(in, 0, 999));
      case 1 -> new LedgerKey.Source("src-" + between(in, 0, 999), LedgerKey.Source.Leg.TRANSFER_IN);
      case 2 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.ADJUSTMENT, card, between(in, 1, 999));
      case 3 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, card, 0);
      case 4 -> new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.values()[(int) between(in, 0, 3)], redemption);
      default -> LedgerKey.Accrual.of(card, between(in, 0, 1) == 0 ? null : OrderId.of("ord_" + between(in, 0, 99)),
          EventId.of("evt_" + between(in, 0, 99)), RuleId.of("ern_" + between(in, 0, 9)));
    };
  }

  private static final Gen<LedgerEntry> ENTRIES = in -> {
    CardCode card = CardCode.of("CARD-" + between(in, 0, 99));
    return LedgerEntry.builder().card(card)
        .type(EntryType.values()[(int) between(in, 0, EntryType.values().length - 1)])
        .points(between(in, -1_000_000_000_000L, 1_000_000_000_000L))
        .pending(between(in, 0, 2) == 0 ? 0 : between(in, -1_000_000L, 1_000_000L))
        .balanceAfter(between(in, Long.MIN_VALUE / 2, Long.MAX_VALUE))
        .at(millis(in))
        .key(key(in, card))
        .event(between(in, 0, 1) == 0 ? null : EventId.of("evt_" + between(in, 0, 99)))
        .rule(between(in, 0, 1) == 0 ? null : RuleId.of("ern_" + between(in, 0, 9)))
        .order(between(in, 0, 1) == 0 ? null : OrderId.of("ord_" + between(in, 0, 99)))
        .reason(between(in, 0, 1) == 0 ? "" : "goodwill " + between(in, 0, 9))
        .related(between(in, 0, 2) == 0 ? LedgerKey.Source.of("src-" + between(in, 0, 9)) : null)
        .build();
  };

  @Test
  @DisplayName("ledger entries written as transactions read back the same, but for sequence, program version and draws")
  void entriesReadBack() {
    qt().withFixedSeed(14_102L).withExamples(200).forAll(Generate.range(0, 6).flatMap(n -> in -> {
      List<LedgerEntry> entries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        entries.add(ENTRIES.generate(in));
      }
      return entries;
    })).checkAssert(entries -> {
      JsonNode list = tree(WIRE.writeTransactions(entries, PROGRAM, true));

      assertThat(list.get("has_more").asBoolean()).isTrue();
      assertThat(list.has("total")).isFalse();
      assertThat(list.path("more_starting_after").asText(null))
          .isEqualTo(entries.isEmpty() ? null : entries.get(entries.size() - 1).key().text());
      assertThat(WIRE.readTransactions(list.get("data").toString())).isEqualTo(entries);
    });
  }

  @Test
  @DisplayName("a transaction says who made it: an API call for manual points, automation for rules and auto-redeem")
  void operationTypes() {
    CardCode card = CardCode.of("C1");
    LedgerEntry removal = LedgerEntry.builder().card(card).type(EntryType.POINTS_REMOVAL).points(-5).balanceAfter(5)
        .at(NOW).key(LedgerKey.Source.of("refund-42")).reason("returned").build();
    LedgerEntry auto = LedgerEntry.builder().card(card).type(EntryType.POINTS_REDEMPTION).points(-10).balanceAfter(0)
        .at(NOW).key(new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.DEBIT, RedemptionId.of("auto:1"))).build();

    JsonNode data = tree(WIRE.writeTransactions(List.of(removal, auto), PROGRAM, false)).get("data");

    assertThat(data.at("/0/source").asText()).isEqualTo("API");
    assertThat(data.at("/0/source_id").asText()).isEqualTo("refund-42");
    assertThat(data.at("/0/reason").asText()).isEqualTo("returned");
    assertThat(data.at("/0/details/balance/operation_type").asText()).isEqualTo("MANUAL");
    assertThat(data.at("/1/source").asText()).isEqualTo("Automation");
    assertThat(data.at("/1/details/balance/operation_type").asText()).isEqualTo("AUTOMATIC");
    assertThat(data.at("/1/details/redemption/id").asText()).isEqualTo("auto:1");
  }

  @Test
  @DisplayName("buckets carry the last usable day in the program's zone; pending lots are listed apart until they activate")
  void bucketsAndPendingPoints() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    Program program = Program.builder(PROGRAM, "p").zone(paris).build();
    LotSource source = new LotSource(EventId.of("evt_1"), RuleId.of("ern_1"), 1, OrderId.of("ord_1"));
    // expires at 00:00 Paris on 1 April: the last usable day is 31 March
    Lot expiring = new Lot(1, 100, 60, Instant.parse("2024-01-10T10:00:00Z"), null,
        Instant.parse("2024-03-31T22:00:00Z"), LotState.ACTIVE, source);
    Lot forever = new Lot(2, 50, 50, Instant.parse("2024-02-01T10:00:00Z"), null, null, LotState.ACTIVE, source);
    Lot pending = new Lot(3, 30, 30, Instant.parse("2024-03-30T10:00:00Z"), Instant.parse("2024-04-09T22:00:00Z"), null,
        LotState.PENDING, source);
    Lot spent = new Lot(4, 10, 0, Instant.parse("2024-01-01T10:00:00Z"), null, null, LotState.ACTIVE, source);
    Card card = Card.builder().code(CardCode.of("C1")).program(PROGRAM).version(5).createdAt(Instant.EPOCH)
        .lots(List.of(expiring, forever, pending, spent)).build();

    JsonNode buckets = tree(WIRE.writeBuckets(card, program, NOW));
    JsonNode pendingPoints = tree(WIRE.writePendingPoints(card, program, NOW));

    assertThat(buckets.get("total").asLong()).isEqualTo(2);
    assertThat(buckets.at("/data/0/expires_at").asText()).isEqualTo("2024-03-31");
    assertThat(buckets.at("/data/0/bucket/total_points").asLong()).isEqualTo(60);
    assertThat(buckets.at("/data/0/id").asText()).isEqualTo("C1:1");
    assertThat(buckets.at("/data/1/expires_at").isMissingNode()).isTrue();
    assertThat(pendingPoints.get("data")).hasSize(1);
    assertThat(pendingPoints.get("has_more").asBoolean()).isFalse();
    assertThat(pendingPoints.has("total")).isFalse();
    assertThat(pendingPoints.at("/data/0/points").asLong()).isEqualTo(30);
    assertThat(pendingPoints.at("/data/0/activates_at").asText()).isEqualTo("2024-04-10");
    assertThat(pendingPoints.at("/data/0/order_id").asText()).isEqualTo("ord_1");
    assertThat(pendingPoints.at("/data/0/details/earning_rule/id").asText()).isEqualTo("ern_1");
  }

  private static JsonNode tree(String json) {
    try {
      return TREE.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
