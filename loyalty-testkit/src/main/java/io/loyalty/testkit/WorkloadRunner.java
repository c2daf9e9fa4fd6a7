package io.loyalty.testkit;

import io.loyalty.spi.WalletId;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs one random workload in lockstep on the engine over the store under test and on a reference engine over a
 * fresh in-memory store, with one clock: after every step the answers must be equal, the reward catalog and the
 * touched cards, ledgers and redemptions equal, and their invariants hold; at the end every card, ledger, index,
 * redemption, reward and receipt must be equal.
 */
final class WorkloadRunner {
  private static final long ENGINE_SEED = 42;

  private final SteppingClock clock = new SteppingClock(WorkloadPrograms.START);
  private final LoyaltyStore subject;
  private final @Nullable FaultyStore faults;
  private final LoyaltyEngine engine;
  private final LoyaltyEngine reader;
  private final LoyaltyStore reference = new ReferenceStore();
  private final LoyaltyEngine referenceEngine;
  private final History history = new History();
  private final String context;
  private final Coverage coverage;
  /** The last live read of each card at each instant a step touched it, for the history check at the end. */
  private final Map<ReadAt, List<Object>> liveReads = new java.util.LinkedHashMap<>();

  private record ReadAt(io.loyalty.spi.CardCode card, java.time.Instant at) {}

  /** Every read of a card as of an instant: balance, pending points, lots, summary, expiry schedule. */
  private List<Object> reads(io.loyalty.spi.CardCode card, java.time.Instant at) {
    return List.of(reader.balance(card, at), reader.pendingPoints(card, at), reader.lots(card, at),
        reader.summary(card, at), reader.expirySchedule(card, at));
  }

  /**
   * @param store a fresh store under test
   * @param faults how to wrap it, {@code null} for no faults
   * @param faultSeed the wrapper's seed
   * @param context the seed and example, for every message
   * @param coverage where to count what the steps did
   */
  WorkloadRunner(LoyaltyStore store, @Nullable FaultPlan faults, long faultSeed, String context, Coverage coverage) {
    this.subject = store;
    this.coverage = coverage;
    this.faults = faults == null ? null : new FaultyStore(store, faults, faultSeed);
    this.context = context;
    this.engine = WorkloadPrograms.engine(this.faults == null ? store : this.faults, clock, ENGINE_SEED);
    this.reader = WorkloadPrograms.engine(store, clock, ENGINE_SEED);
    this.referenceEngine = WorkloadPrograms.engine(reference, clock, ENGINE_SEED);
    WorkloadPrograms.define(referenceEngine);
    if (this.faults == null) {
      WorkloadPrograms.define(engine);
    } else {
      this.faults.withoutFaults(() -> {
        WorkloadPrograms.define(engine);
        return null;
      });
    }
  }

  /** Counts the faults injected so far into the coverage. */
  private void countFaults() {
    if (faults != null) {
      faults.counts().forEach(coverage::countFault);
    }
  }

  /** Runs every step, checking after each, then checks the whole state. */
  void run(List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Request request = step.kind().plan(new Steps.Context(history, reference, clock), step);
      String where = context + ", step " + i + " " + step + " = " + request.label();
      Outcome expected = RetryingCaller.once(referenceEngine, request);
      assertThat(String.valueOf(expected.error())).as("%s: a single caller never meets a concurrent writer (an operation that conflicts"
          + " with itself can never apply)", where).doesNotStartWith("multiple_requests");
      Outcome actual = faults == null ? RetryingCaller.once(engine, request)
          : step.kind().meetsStaleReads() ? RetryingCaller.call(engine, faults, subject, request, where, coverage)
          : faults.withoutStaleReads(() -> RetryingCaller.call(engine, faults, subject, request, where, coverage));
      if (request.comparesValue()) {
        assertThat(actual).as("%s: the answer equals the reference engine's", where).isEqualTo(expected);
      } else {
        assertThat(actual.shape()).as("%s: the answer equals the reference engine's", where).isEqualTo(expected.shape());
      }
      if (request.event() != null && history.firstOutcomes.containsKey(request.event())) {
        Outcome first = history.firstOutcomes.get(request.event());
        if (first.succeeded()) {
          assertThat(actual).as("%s: a re-applied event returns its first outcome", where).isEqualTo(first);
        }
      }
      if (request.expected() != null) {
        assertThat(expected).as("%s: the reference engine answers as the API promises", where).isEqualTo(request.expected());
        assertThat(actual).as("%s: the engine answers as the API promises", where).isEqualTo(request.expected());
      }
      if (expected.value() instanceof Redemption r && history.firstRedemptions.containsKey(r.id())) {
        assertThat(attempt(r)).as("%s: a redemption's attempt never changes after its first answer", where)
            .isEqualTo(attempt(history.firstRedemptions.get(r.id())));
      }
      history.record(request, expected);
      coverage.count(step.kind(), expected);
      List<Reward> rewards = subject.rewards();
      assertThat(rewards).as("%s: the reward catalog with its redeemed counts", where).isEqualTo(reference.rewards());
      RedemptionInvariants.checkStock(rewards, where);
      Map<RewardId, Reward> catalog = RedemptionInvariants.catalog(rewards);
      for (CustomerId customer : request.touched()) {
        for (ProgramId program : WorkloadPrograms.PROGRAMS) {
          Optional<Card> card = subject.cardOf(program, customer, WalletId.MAIN);
          assertThat(card).as("%s: %s's card in %s", where, customer, program)
              .isEqualTo(reference.cardOf(program, customer, WalletId.MAIN));
          assertThat(subject.cardsOf(program, customer)).as("%s: %s's cards in %s", where, customer, program)
              .isEqualTo(card.map(List::of).orElse(List.of()));
          if (card.isPresent()) {
            checkCard(card.get(), catalog, where);
            liveReads.put(new ReadAt(card.get().code(), clock.instant()), reads(card.get().code(), clock.instant()));
          }
        }
      }
    }
    finish();
    countFaults();
  }

  /** The card's ledger and redemptions equal the reference's, and their invariants hold on the store under test. */
  private void checkCard(Card card, Map<RewardId, Reward> catalog, String where) {
    List<LedgerEntry> ledger = Invariants.ledger(subject, card);
    assertThat(ledger).as("%s: ledger of %s", where, card.code()).isEqualTo(Invariants.ledger(reference, card));
    List<Redemption> redemptions = subject.redemptions(card.code());
    assertThat(redemptions).as("%s: redemptions of %s", where, card.code()).isEqualTo(reference.redemptions(card.code()));
    Invariants.check(subject, reader, card, ledger, clock.instant(), where);
    RedemptionInvariants.check(subject, card, ledger, redemptions, catalog, where);
  }

  /** What a redemption attempted and took, which no later rollback or delivery changes. */
  private static List<Object> attempt(Redemption r) {
    List<Object> fixed = new ArrayList<>(Arrays.asList(r.id(), r.request(), r.program(), r.card(), r.assignment(),
        r.reward(), r.at(), r.points(), r.draws(), r.order(), r.discount(), r.automatic()));
    if (r.status() == Redemption.Status.FAILED) {
      fixed.add(r);
    }
    return fixed;
  }

  private void finish() {
    String where = context + ", after " + history.step + " steps";
    List<Redemption> redemptions = new ArrayList<>();
    Map<RewardId, Reward> catalog = RedemptionInvariants.catalog(subject.rewards());
    assertThat(subject.programs()).as("%s: programs", where).isEqualTo(reference.programs());
    for (ProgramId program : WorkloadPrograms.PROGRAMS) {
      List<Card> cards = subject.cards(program, "", 1_000);
      assertThat(cards).as("%s: cards of %s", where, program).isEqualTo(reference.cards(program, "", 1_000));
      assertThat(subject.cardCount(program)).as("%s: card count of %s", where, program).isEqualTo(reference.cardCount(program));
      assertThat(subject.unpublishedCards(program, "", 1_000)).as("%s: pool of %s", where, program)
          .isEqualTo(reference.unpublishedCards(program, "", 1_000));
      for (Card card : cards) {
        checkCard(card, catalog, where);
        Invariants.checkIndexes(subject, card, where);
        redemptions.addAll(subject.redemptions(card.code()));
      }
    }
    assertThat(subject.rewards()).as("%s: the reward catalog", where).isEqualTo(reference.rewards());
    RedemptionInvariants.checkCounts(subject, redemptions, where);
    for (Redemption r : redemptions) {
      assertThat(subject.redemption(r.id())).as("%s: redemption(%s)", where, r.id()).contains(r);
    }
    for (LoyaltyEvent event : history.events) {
      assertThat(subject.receipt(event.id())).as("%s: each event applied exactly once, as the reference did: %s", where,
          event.id()).isEqualTo(reference.receipt(event.id()));
    }
    // Replay: every receipt gives its outcome again from what it recorded, with host ports that refuse to answer.
    LoyaltyEngine replayer = LoyaltyEngine.builder().store(subject).clock(clock)
        .productCollections((collection, item) -> {
          throw new AssertionError("a replay asked the host about collection " + collection);
        })
        .validationRules(id -> {
          throw new AssertionError("a replay asked the host for validation rule " + id);
        }).build();
    for (LoyaltyEvent event : history.events) {
      if (subject.receipt(event.id()).isPresent()) {
        io.loyalty.core.Replay replay = replayer.replay(event.id());
        assertThat(replay.replayed()).as("%s: the replay of %s from its receipt alone", where, event.id())
            .isEqualTo(replay.recorded());
      }
    }
    List<Card> all = new ArrayList<>();
    for (ProgramId program : WorkloadPrograms.PROGRAMS) {
      all.addAll(subject.cards(program, "", 1_000));
    }
    OutboxInvariants.check(subject, all, redemptions, where);
    // True history on this store: a read as of an instant, made now, is the read made live at that instant.
    liveReads.forEach((read, live) -> assertThat(reads(read.card(), read.at()))
        .as("%s: the reads of %s as of %s, made later, equal those made then", where, read.card(), read.at())
        .isEqualTo(live));
    // Whatever faults left undone, recovery settles: no delivery or revocation of the engine's stays pending.
    Runnable recover = () -> engine.recoverOutbox(10_000);
    if (faults == null) {
      recover.run();
    } else {
      faults.withoutFaults(() -> {
        recover.run();
        return null;
      });
    }
    assertThat(subject.pending("loyalty.fulfilment", java.util.EnumSet.of(OutboxEvent.Type.REWARD_REDEEMED,
        OutboxEvent.Type.REWARD_ROLLED_BACK), 10)).as("%s: the engine's deliveries pending after recovery", where).isEmpty();
    for (Redemption r : redemptions) {
      Redemption now = subject.redemption(r.id()).orElseThrow();
      if (now.status() == Redemption.Status.SUCCEEDED && subject.reward(now.reward()).map(Reward::kind).orElse(null)
          instanceof io.loyalty.spi.reward.RewardKind.Campaign c
          && c.type() != io.loyalty.spi.reward.RewardKind.CampaignType.LOYALTY_PROGRAM) {
        assertThat(now.fulfilment().status()).as("%s: committed coupon %s is delivered after recovery", where, r.id())
            .isEqualTo(Redemption.FulfilmentStatus.COMPLETE);
      }
    }
  }
}
