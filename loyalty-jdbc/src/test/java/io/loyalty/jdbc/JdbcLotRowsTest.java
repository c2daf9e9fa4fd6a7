package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotList;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a card's lots are rows, and a write over its base touches only the lots it changed")
class JdbcLotRowsTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00.000000001Z");

  private static Lot lot(long id, long points) {
    return new Lot(id, points, points, T0.plusSeconds(id), null, T0.plusSeconds(86_400 * id), LotState.ACTIVE,
        new LotSource(null, null, 1, null));
  }

  /** The transaction id that last wrote each lot row, by position. */
  private static Map<Integer, Long> writers(DataSource ds, CardCode card) throws Exception {
    Map<Integer, Long> found = new HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT position, xmin::text::bigint FROM loyalty_lot WHERE card = ?")) {
      p.setString(1, card.value());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getInt(1), rs.getLong(2));
        }
      }
    }
    return found;
  }

  private static Card stored(int lots) {
    LotList list = LotList.empty();
    for (int i = 1; i <= lots; i++) {
      list = list.plus(lot(i, 10));
    }
    return Card.builder().code(CardCode.of("C-1")).program(ProgramId.of("camp")).version(1)
        .holder(CustomerId.of("alice")).createdAt(T0).lots(list).lastSeq(lots).build();
  }

  @Test
  void a_write_over_its_base_rewrites_the_lots_it_appended_or_replaced_and_no_other() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    Card first = stored(1_100);
    assertThat(store.commit(ChangeSet.builder().card(new CardWrite(first, 0)).build())).isEqualTo(CommitResult.APPLIED);
    Card base = store.card(first.code()).orElseThrow();
    assertThat(base).isEqualTo(first);
    Map<Integer, Long> before = writers(ds, base.code());

    LotList lots = ((LotList) base.lots()).with(7, lot(8, 10).withRemaining(4)).with(1_050, lot(1_051, 10).withRemaining(0))
        .plusAll(java.util.List.of(lot(1_101, 5), lot(1_102, 6)));
    Card next = base.next(lots, 0, 1_102);
    assertThat(store.commit(ChangeSet.builder().card(CardWrite.over(base, next)).build())).isEqualTo(CommitResult.APPLIED);

    assertThat(store.card(base.code())).contains(next);
    Map<Integer, Long> after = writers(ds, base.code());
    assertThat(after).hasSize(1_102);
    for (int position = 0; position < 1_100; position++) {
      boolean changed = position == 7 || position == 1_050;
      assertThat(after.get(position).equals(before.get(position))).as("lot row %d kept", position).isEqualTo(!changed);
    }
  }

  @Test
  void random_appends_and_replacements_written_over_their_base_read_back_equal() {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    int[] cards = {0};
    qt().withFixedSeed(41L).withExamples(25)
        .forAll(integers().between(0, 70), lists().of(lists().of(integers().all()).ofSizeBetween(0, 40)).ofSizeBetween(1, 4))
        .checkAssert((size, writes) -> {
          int n = cards[0]++;
          Card card = stored(size).toBuilder().code(CardCode.of("R-" + n)).holder(CustomerId.of("h" + n)).build();
          assertThat(store.commit(ChangeSet.builder().card(new CardWrite(card, 0)).build())).isEqualTo(CommitResult.APPLIED);
          for (List<Integer> ops : writes) {
            Card base = store.card(card.code()).orElseThrow();
            LotList lots = (LotList) base.lots();
            for (int op : ops) {
              if (lots.isEmpty() || op % 3 == 0) {
                lots = lots.plus(lot(lots.size() + 1, 1 + Math.floorMod(op, 50)));
              } else {
                int at = Math.floorMod(op, lots.size());
                lots = lots.with(at, lots.get(at).withRemaining(Math.floorMod(op / 3, lots.get(at).initial() + 1)));
              }
            }
            Card next = base.next(lots, 0, lots.size());
            assertThat(store.commit(ChangeSet.builder().card(CardWrite.over(base, next)).build()))
                .isEqualTo(CommitResult.APPLIED);
            assertThat(store.card(card.code())).contains(next);
          }
        });
  }

  @Test
  void a_write_without_a_base_rewrites_every_lot_and_reads_back_equal() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    Card first = stored(40);
    store.commit(ChangeSet.builder().card(new CardWrite(first, 0)).build());
    Card next = first.next(((LotList) first.lots()).with(0, lot(1, 10).withRemaining(1)).plus(lot(41, 3)), 2, 41);
    assertThat(store.commit(ChangeSet.builder().card(new CardWrite(next, 1)).build())).isEqualTo(CommitResult.APPLIED);
    assertThat(store.card(first.code())).contains(next);
    assertThat(writers(ds, first.code()).values()).hasSize(41).containsOnly(writers(ds, first.code()).get(0));
  }

  @Test
  void lots_of_every_value_shape_read_back_equal_and_share_their_ids() {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    Instant whole = Instant.parse("2024-03-01T10:00:00Z");
    List<Lot> lots = List.of(
        new Lot(1, 10, 10, whole, null, null, LotState.ACTIVE, new LotSource(null, null, 1, null)),
        new Lot(2, 7, 7, T0, T0.plusSeconds(60), T0.plusNanos(999_999_999), LotState.PENDING,
            new LotSource(EventId.of("evt_1"), RuleId.of("r1"), 12, OrderId.of("ord_1"))),
        new Lot(3, 5, 0, whole.minusSeconds(7_200), whole, whole.plusSeconds(1), LotState.CANCELED,
            new LotSource(EventId.of("evt_1"), RuleId.of("r2"), 12, OrderId.of("ord_1"))),
        new Lot(4, Long.MAX_VALUE, 1, Instant.ofEpochSecond(-1, 5), null, null, LotState.ACTIVE,
            new LotSource(EventId.of("evt_2"), RuleId.of("r1"), Long.MAX_VALUE, OrderId.of("ord_1"))),
        new Lot(5, 3, 3, T0, null, null, LotState.ACTIVE,
            new LotSource(EventId.of("evt_1"), null, 0, OrderId.of("ord_10"))));
    Card card = Card.builder().code(CardCode.of("C-1")).program(ProgramId.of("camp")).version(1)
        .holder(CustomerId.of("alice")).createdAt(T0).lots(lots).lastSeq(5).build();
    store.commit(ChangeSet.builder().card(new CardWrite(card, 0)).build());
    Card read = store.card(card.code()).orElseThrow();
    assertThat(read.lots()).containsExactlyElementsOf(lots);
    assertThat(read.lots().get(2).source().event()).as("one id per text in a read")
        .isSameAs(read.lots().get(1).source().event()).isSameAs(read.lots().get(4).source().event());
    assertThat(read.lots().get(3).source().rule()).isSameAs(read.lots().get(1).source().rule());
  }

  @Test
  void a_stored_lot_of_the_wrong_shape_is_reported_unreadable() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    Card first = stored(3);
    store.commit(ChangeSet.builder().card(new CardWrite(first, 0)).build());
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("UPDATE loyalty_lot SET lot = ? WHERE card = ? AND position = 1")) {
      p.setString(1, "2\u001f10\u001f10");
      p.setString(2, first.code().value());
      p.executeUpdate();
    }
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.card(first.code())))
        .isInstanceOfSatisfying(JdbcStoreException.class,
            e -> assertThat(e.code()).isEqualTo(io.loyalty.spi.ErrorCode.STORED_DEFINITION_UNREADABLE.key()));
  }
}
