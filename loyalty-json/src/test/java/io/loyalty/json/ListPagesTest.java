package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One page of a list: a counted list's total counts every page; a cursor list names its last id when more follow. */
class ListPagesTest {
  private static final ObjectMapper TREES = new ObjectMapper();

  private static JsonNode tree(String json) throws Exception {
    return TREES.readTree(json);
  }

  @Test
  @DisplayName("a page of 2 earning rules of 5 answers total 5; a total under the page's size is refused")
  void countedPage() throws Exception {
    List<EarningRule> rules = WIRE.readEarningRules("[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 1}},"
        + " {\"event\": \"order.paid\", \"loyalty\": {\"points\": 2}}]", new java.util.function.Supplier<>() {
          int n;

          @Override
          public RuleId get() {
            return RuleId.of("ern_" + n++);
          }
        });
    JsonNode page = tree(WIRE.writeEarningRules(rules, ProgramId.of("camp_1"), 5));
    assertThat(page.at("/total").asLong()).isEqualTo(5);
    assertThat(page.at("/data").size()).isEqualTo(2);
    assertThat(page.at("/data/1/id").asText()).isEqualTo("ern_1");
    assertThatThrownBy(() -> WIRE.writeEarningRules(rules, ProgramId.of("camp_1"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total of 1");
  }

  @Test
  @DisplayName("a page of pending entries names its last entry as more_starting_after only when more follow")
  void cursorPage() throws Exception {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC)).build();
    Program program = engine.define(Program.builder(ProgramId.of("camp_p"), "P").zone(ZoneOffset.UTC).build());
    Card card = engine.enrol(program.id(), CustomerId.of("alice"));
    engine.addPendingPoints(card.code(), 10, LocalDate.parse("2024-03-20"), "r", "s1");
    engine.addPendingPoints(card.code(), 20, LocalDate.parse("2024-03-21"), "r", "s2");
    List<PendingEntry> entries = WIRE.pending(engine.card(card.code()), Instant.parse("2024-03-15T12:00:00Z"));
    assertThat(entries).hasSize(2);
    JsonNode more = tree(WIRE.writePendingPoints(entries.subList(0, 1), program, true));
    assertThat(more.at("/has_more").asBoolean()).isTrue();
    assertThat(more.at("/more_starting_after").asText()).isEqualTo(entries.get(0).id())
        .isEqualTo(more.at("/data/0/id").asText()).startsWith(card.code().value() + ":");
    JsonNode last = tree(WIRE.writePendingPoints(entries.subList(1, 2), program, false));
    assertThat(last.at("/has_more").asBoolean()).isFalse();
    assertThat(last.has("more_starting_after")).isFalse();
    assertThat(last.at("/data/0/points").asLong()).isEqualTo(20);
    assertThat(WIRE.pending(engine.card(card.code()), Instant.parse("2024-03-20T00:00:00Z"))).hasSize(1);
  }
}
