package io.loyalty.spi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A lot list is a list like any other, and its sums are the sums a scan of its lots would give. */
class LotListProperties {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final LotSource SOURCE = new LotSource(null, null, 1, null);

  /** A lot drawn from a seed: any state, with or without an activation and an expiry. */
  private static Lot lot(long id, int seed) {
    LotState state = LotState.values()[Math.floorMod(seed, LotState.values().length)];
    long initial = 1 + Math.floorMod(seed * 31L, 1_000);
    long remaining = Math.floorMod(seed * 17L, initial + 1);
    Instant activates = seed % 3 == 0 ? null : T0.plusSeconds(Math.floorMod(seed * 7L, 100_000));
    Instant expires = seed % 5 == 0 ? null : T0.plusSeconds(Math.floorMod(seed * 13L, 100_000));
    return new Lot(id, initial, remaining, T0, activates, expires, state, SOURCE);
  }

  private static @Nullable Instant naiveDue(List<Lot> lots) {
    Instant due = null;
    for (Lot lot : lots) {
      if (lot.state() == LotState.PENDING && lot.activatesAt() != null) {
        due = due == null || lot.activatesAt().isBefore(due) ? lot.activatesAt() : due;
      }
      if (lot.state() != LotState.CANCELED && lot.remaining() > 0 && lot.expiresAt() != null) {
        due = due == null || lot.expiresAt().isBefore(due) ? lot.expiresAt() : due;
      }
    }
    return due;
  }

  @Test
  @DisplayName("appends and replacements give the same list, sums and first due instant as a plain list")
  void behavesAsAPlainList() {
    qt().withFixedSeed(11L).withExamples(200).forAll(lists().of(integers().all()).ofSizeBetween(0, 2_500))
        .checkAssert(ops -> {
          List<Lot> model = new ArrayList<>();
          LotList list = LotList.empty();
          for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            if (model.isEmpty() || op % 4 != 0) {
              Lot lot = lot(model.size() + 1, op);
              model.add(lot);
              list = list.plus(lot);
            } else {
              int at = Math.floorMod(op / 4, model.size());
              Lot lot = lot(model.get(at).id(), op / 7);
              model.set(at, lot);
              list = list.with(at, lot);
            }
          }
          assertThat(list).isEqualTo(model);
          assertThat(list.size()).isEqualTo(model.size());
          assertThat(list.activeSum()).isEqualTo(model.stream().filter(l -> l.state() == LotState.ACTIVE)
              .mapToLong(Lot::remaining).sum());
          assertThat(list.pendingSum()).isEqualTo(model.stream().filter(l -> l.state() == LotState.PENDING)
              .mapToLong(Lot::remaining).sum());
          assertThat(list.firstDue()).isEqualTo(naiveDue(model));
          assertThat(LotList.of(model)).isEqualTo(list);
          Lot first = model.stream().filter(l -> l.state() == LotState.ACTIVE && l.remaining() > 0)
              .min(Lot.CONSUMPTION_ORDER).orElse(null);
          int usable = list.firstUsable();
          assertThat(usable < 0 ? null : list.get(usable)).as("the lot drawn first").isEqualTo(first);
          Instant asOf = T0.plusSeconds(Math.floorMod(ops.size() * 977L, 100_000));
          java.util.List<Integer> dueIndexes = new ArrayList<>();
          for (int k = 0; k < model.size(); k++) {
            Instant due = naiveDue(List.of(model.get(k)));
            if (due != null && !asOf.isBefore(due)) {
              dueIndexes.add(k);
            }
          }
          assertThat(java.util.Arrays.stream(list.dueBy(asOf)).boxed().toList()).as("the lots due by %s", asOf)
              .isEqualTo(dueIndexes);
        });
  }

  @Test
  @DisplayName("appending a batch gives what appending its lots one by one gives, across leaf and level boundaries")
  void batchesAppendAsSingles() {
    qt().withFixedSeed(12L).withExamples(300).forAll(lists().of(integers().between(0, 70)).ofSizeBetween(1, 40))
        .checkAssert(batches -> {
          LotList one = LotList.empty();
          LotList batched = LotList.empty();
          int id = 0;
          for (int n : batches) {
            List<Lot> batch = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              Lot lot = lot(++id, id * 3 + n);
              batch.add(lot);
              one = one.plus(lot);
            }
            batched = batched.plusAll(batch);
          }
          assertThat(batched).isEqualTo(one);
          assertThat(new ArrayList<>(batched)).isEqualTo(new ArrayList<>(one));
          assertThat(batched.activeSum()).isEqualTo(one.activeSum());
          assertThat(batched.firstDue()).isEqualTo(one.firstDue());
          assertThat(batched.firstUsable()).isEqualTo(one.firstUsable());
        });
  }

  @Test
  @DisplayName("a card's balance at any instant is what a scan of its lots gives, fast path or not")
  void balanceAtMatchesAScan() {
    qt().withFixedSeed(13L).withExamples(400).forAll(lists().of(integers().all()).ofSizeBetween(0, 80),
        integers().between(0, 120_000), integers().between(0, 50)).checkAssert((seeds, offset, debt) -> {
          List<Lot> lots = new ArrayList<>();
          for (int i = 0; i < seeds.size(); i++) {
            Lot lot = lot(i + 1, seeds.get(i));
            // the ledger's invariant: a pending lot always has its activation instant
            if (lot.state() == LotState.PENDING && lot.activatesAt() == null) {
              lot = lot.with(LotState.PENDING, T0.plusSeconds(50_000), lot.expiresAt());
            }
            lots.add(lot);
          }
          Card card = new Card(io.loyalty.spi.CardCode.of("A-1"), io.loyalty.spi.ProgramId.of("camp_1"), io.loyalty.spi.WalletId.MAIN, 1, null, T0,
              null, null, true, lots, debt, lots.size(), 0, null);
          Instant asOf = T0.plusSeconds(offset);
          long owed = debt;
          List<Lot> activating = lots.stream().filter(l -> l.state() == LotState.PENDING
              && !asOf.isBefore(l.activatesAt())).sorted(java.util.Comparator.comparing(Lot::activatesAt)
              .thenComparingLong(Lot::id)).toList();
          java.util.Map<Long, Long> repaid = new java.util.HashMap<>();
          for (Lot l : activating) {
            long repay = Math.min(owed, l.remaining());
            owed -= repay;
            repaid.put(l.id(), repay);
          }
          long expected = -owed;
          for (Lot l : lots) {
            if (l.isActiveAt(asOf)) {
              expected += l.remaining() - repaid.getOrDefault(l.id(), 0L);
            }
          }
          assertThat(card.balanceAt(asOf)).isEqualTo(expected);
        });
  }

  @Test
  @DisplayName("a new version shares the old one: the old list is unchanged by appends and replacements")
  void versionsAreIndependent() {
    LotList old = LotList.empty();
    for (int i = 1; i <= 1_100; i++) {
      old = old.plus(lot(i, i));
    }
    List<Lot> before = new ArrayList<>(old);
    LotList next = old.plus(lot(1_101, 5)).with(0, lot(1, 99)).with(1_099, lot(1_100, 98));
    assertThat(old).isEqualTo(before);
    assertThat(next).hasSize(1_101);
    assertThat(next.get(0)).isEqualTo(lot(1, 99));
  }

  @Test
  @DisplayName("changedSince names exactly the indexes a scan finds different, shared tree or not")
  void changedSinceMatchesAScan() {
    qt().withFixedSeed(13L).withExamples(200)
        .forAll(integers().between(0, 2_100), lists().of(integers().all()).ofSizeBetween(0, 80))
        .checkAssert((size, ops) -> {
          LotList built = LotList.empty();
          for (int i = 1; i <= size; i++) {
            built = built.plus(lot(i, i * 7));
          }
          LotList earlier = built;
          LotList next = earlier;
          for (int op : ops) {
            if (next.isEmpty() || op % 3 != 0) {
              next = op % 2 == 0 ? next.plus(lot(next.size() + 1, op))
                  : next.plusAll(List.of(lot(next.size() + 1, op), lot(next.size() + 2, op / 3)));
            } else {
              int at = Math.floorMod(op / 3, next.size());
              next = next.with(at, op % 5 == 0 ? next.get(at) : lot(next.get(at).id(), op / 11));
            }
          }
          int[] scan = new int[next.size()];
          int found = 0;
          for (int k = 0; k < next.size(); k++) {
            if (k >= earlier.size() || !next.get(k).equals(earlier.get(k))) {
              scan[found++] = k;
            }
          }
          int[] expected = java.util.Arrays.copyOf(scan, found);
          assertThat(next.changedSince(earlier)).containsExactly(expected);
          assertThat(next.changedSince(LotList.of(new ArrayList<>(earlier)))).as("no shared node").containsExactly(expected);
          assertThat(next.changedSince(next)).isEmpty();
          LotList longer = next;
          if (longer.size() > earlier.size()) {
            assertThatThrownBy(() -> earlier.changedSince(longer)).isInstanceOf(IllegalArgumentException.class);
          }
        });
  }

  @Test
  @DisplayName("sums past the range of a long are an ArithmeticException when asked for, as an exact sum is")
  void overflowIsReported() {
    Lot big = new Lot(1, Long.MAX_VALUE, Long.MAX_VALUE, T0, null, null, LotState.ACTIVE, SOURCE);
    LotList list = LotList.empty().plus(big).plus(new Lot(2, 1, 1, T0, null, null, LotState.ACTIVE, SOURCE));
    assertThatThrownBy(list::activeSum).isInstanceOf(ArithmeticException.class);
    assertThat(list.get(1).remaining()).isEqualTo(1);
  }
}
