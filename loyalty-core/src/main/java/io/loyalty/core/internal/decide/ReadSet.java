package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.Answers;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.EventReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The read set of one decision: everything it uses, gathered before it decides (see the load room's {@code Loader}):
 * an event's, or a manual write's follow-ups, or a redemption's. The decision looks things up here only; a lookup of
 * something that was not gathered is an {@link IllegalStateException} (a read set that misses what its decision
 * needs is a bug), never a read. Lists, not maps: a decision touches a handful of programs, cards and rewards.
 * Immutable.
 */
public final class ReadSet implements Reads {
  /** A value read under a key, {@code null} when there was none. */
  public record Found<K, V>(K key, @Nullable V value) {}

  /**
   * What one program's decision reads.
   *
   * @param entry the program as the catalog holds it (the candidate, for a quote under one)
   * @param candidate whether the event visits it from the start; else only when a reward published the customer a
   *     card there during the decision
   * @param card the customer's card there as read, {@code null} for none
   * @param orderEntries that card's entries for the event's order (a payment's or refund's), in seq order
   * @param answers every host answer the program's rules can ask for the event (a refund: those the answers
   *     recorded at payment do not hold)
   * @param versions the program versions that granted the order's points (a refund), as stored
   */
  public record ProgramReads(ProgramEntry entry, boolean candidate, @Nullable Card card, List<LedgerEntry> orderEntries,
      Answers answers, List<Program> versions) {
    /** The stored version {@code version} of the program, {@code null} when the store had none. */
    @Nullable Program version(long version) {
      for (int i = 0; i < versions.size(); i++) {
        if (versions.get(i).version() == version) {
          return versions.get(i);
        }
      }
      return null;
    }
  }

  private final @Nullable CustomerId customer;
  private final @Nullable Card targeted;
  private final List<ProgramReads> programs;
  private final List<Card> held;
  private final boolean allHeld;
  private final List<Found<ProgramId, Card>> cards;
  private final List<Pool> pools;
  private final List<Found<ProgramId, Program>> stored;
  private final List<Found<RewardId, Reward>> rewards;
  private final List<Found<CardCode, List<Redemption>>> redemptions;
  private final List<Found<EventId, EventReceipt>> receipts;
  private final List<Found<CardCode, Card>> byCode;
  private final Answers redemptionAnswers;

  /**
   * A read set.
   *
   * @param customer the event's customer (a manual write's: the card's holder)
   * @param targeted the card the event names (a manual write's card), {@code null} when it names none
   * @param programs the programs an event's decision may visit: the candidates in catalog order, and among them the
   *     programs a reward may make it visit
   * @param held the customer's cards as read (the targeted card alone when there is one)
   * @param allHeld whether {@code held} is every card the customer holds
   * @param cards the customer's cards of programs' main wallets read by program besides {@code held}
   * @param pools the pools a join may draw from
   * @param stored the latest definitions of programs a reward credits
   * @param rewards the rewards auto-redeem may redeem
   * @param redemptions the redemptions of cards that may auto-redeem (for the daily limit)
   * @param receipts the receipts of a refunded order's payment and earlier refunds
   * @param byCode cards read by code (the card a rolled-back reward credited)
   * @param redemptionAnswers the host's answers for a redemption's conditions
   */
  public ReadSet(@Nullable CustomerId customer, @Nullable Card targeted, List<ProgramReads> programs, List<Card> held,
      boolean allHeld, List<Found<ProgramId, Card>> cards, List<Pool> pools, List<Found<ProgramId, Program>> stored,
      List<Found<RewardId, Reward>> rewards, List<Found<CardCode, List<Redemption>>> redemptions,
      List<Found<EventId, EventReceipt>> receipts, List<Found<CardCode, Card>> byCode, Answers redemptionAnswers) {
    this.customer = customer;
    this.targeted = targeted;
    this.programs = programs;
    this.held = held;
    this.allHeld = allHeld;
    this.cards = cards;
    this.pools = pools;
    this.stored = stored;
    this.rewards = rewards;
    this.redemptions = redemptions;
    this.receipts = receipts;
    this.byCode = byCode;
    this.redemptionAnswers = redemptionAnswers;
  }

  /** The card the event names, {@code null} when it names none. */
  @Nullable Card targeted() {
    return targeted;
  }

  /** The programs the decision may visit. */
  List<ProgramReads> programs() {
    return programs;
  }

  /** The receipt of an applied event, {@code null} when there is none. */
  @Nullable EventReceipt receipt(EventId event) {
    return find(receipts, event, "receipt");
  }

  @Override
  public @Nullable Reward reward(RewardId id) {
    return find(rewards, id, "reward");
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    return Objects.requireNonNull(find(redemptions, card, "redemptions of a card"), "read as a list");
  }

  @Override
  public @Nullable Program program(ProgramId id) {
    return find(stored, id, "program");
  }

  @Override
  public @Nullable Card cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    if (!holder.equals(customer)) {
      throw new IllegalStateException("the read set holds the cards of its customer only");
    }
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).program().equals(program) && held.get(i).wallet().equals(wallet)) {
        return held.get(i);
      }
    }
    if (allHeld) {
      return null;
    }
    if (!wallet.equals(WalletId.MAIN)) {
      throw new IllegalStateException("the read set holds cards by program of the main wallet only");
    }
    return find(cards, program, "card by program");
  }

  @Override
  public @Nullable Card card(CardCode code) {
    return find(byCode, code, "card");
  }

  @Override
  public Pool pool(Program program, CustomerId holder, Instant at) {
    for (int i = 0; i < pools.size(); i++) {
      if (pools.get(i).program().equals(program.id())) {
        return pools.get(i);
      }
    }
    throw new IllegalStateException("the read set holds no pool of program " + program.id());
  }

  @Override
  public Answers answers() {
    return redemptionAnswers;
  }

  private static <K, V> @Nullable V find(List<Found<K, V>> found, K key, String what) {
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).key().equals(key)) {
        return found.get(i).value();
      }
    }
    throw new IllegalStateException("the read set holds no " + what + " " + key);
  }
}
