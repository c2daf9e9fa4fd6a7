package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.reward.Redemption;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A domain event committed in the same change set as the change that caused it (a transactional outbox), so it
 * exists if and only if that change does. Every event concerns one card (its aggregate); a store hands a card's
 * events to a consumer in commit order.
 *
 * @param id unique in the store and derived from what caused the event (the ledger entry's card and seq, the redemption's
 *     id and version, the card's code and version), so the same change always yields the same id
 * @param type what happened
 * @param card the card the event concerns (the aggregate id)
 * @param program the card's program
 * @param at when the engine committed it (its clock at the write)
 * @param payload the facts, as the engine recorded them
 */
public record OutboxEvent(String id, Type type, CardCode card, ProgramId program, Instant at, Payload payload) {
  /** The aggregate type of every event: the card (Debezium's {@code aggregatetype} column). */
  public static final String AGGREGATE_TYPE = "loyalty_card";

  /** Checks the parts. */
  public OutboxEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(payload, "payload");
    if (!type.payload.isInstance(payload)) {
      throw new IllegalArgumentException(type + " carries a " + type.payload.getSimpleName() + " payload");
    }
  }

  /** The kinds of event, each with the payload it carries. */
  public enum Type {
    /** Usable points credited: an accrual, an addition by hand, a rollback's refund, a transfer in. */
    POINTS_ADDED(Transaction.class),
    /** Usable points taken by hand, by a transfer out, or by an order's refund. */
    POINTS_DEDUCTED(Transaction.class),
    /** Points spent on a reward. */
    POINTS_REDEEMED(Transaction.class),
    /** Points that reached their expiry. */
    POINTS_EXPIRED(Transaction.class),
    /** Pending points earned. */
    PENDING_POINTS_ADDED(Transaction.class),
    /** Pending points changed by hand. */
    PENDING_POINTS_ADJUSTED(Transaction.class),
    /** Pending points canceled. */
    PENDING_POINTS_CANCELED(Transaction.class),
    /** Pending points became usable. */
    PENDING_POINTS_ACTIVATED(Transaction.class),
    /** A card was published to a customer. */
    MEMBER_JOINED(Membership.class),
    /** A redemption succeeded (its points, stock and count are taken). */
    REWARD_REDEEMED(RedemptionChange.class),
    /** A redemption failed: when checked (it took nothing), or when the host could not deliver (all given back). */
    REDEMPTION_FAILED(RedemptionChange.class),
    /** A successful redemption was rolled back. */
    REWARD_ROLLED_BACK(RedemptionChange.class),
    /** A reward's delivery completed. */
    REWARD_DELIVERED(RedemptionChange.class),
    /** The member entered the program's tiers: a tier after none. */
    TIER_JOINED(TierChange.class),
    /** The member fell out of every tier. */
    TIER_LEFT(TierChange.class),
    /** The member moved to a higher tier. */
    TIER_UPGRADED(TierChange.class),
    /** The member moved to a lower tier. */
    TIER_DOWNGRADED(TierChange.class),
    /** The member qualified again for the tier held, which now lasts longer ({@code from} and {@code to} name it). */
    TIER_PROLONGED(TierChange.class),
    /** The held tier's expiration moved ({@code expiresAt}); it accompanies a prolonged term. */
    TIER_EXPIRATION_CHANGED(TierChange.class);

    private final Class<? extends Payload> payload;

    Type(Class<? extends Payload> payload) {
      this.payload = payload;
    }

    /** The event's name on the wire and in a store's {@code type} column, such as {@code points.added}. */
    public String wireName() {
      int cut = name().indexOf('_');
      return (name().substring(0, cut) + "." + name().substring(cut + 1)).toLowerCase(Locale.ROOT);
    }

    /** The type of a ledger entry's event. */
    public static Type of(EntryType entry) {
      return switch (entry) {
        case POINTS_ACCRUAL, POINTS_ADDITION, POINTS_REFUND, POINTS_TRANSFER_IN -> POINTS_ADDED;
        case POINTS_REMOVAL, POINTS_TRANSFER_OUT, POINTS_REVERSAL -> POINTS_DEDUCTED;
        case POINTS_REDEMPTION -> POINTS_REDEEMED;
        case POINTS_EXPIRATION -> POINTS_EXPIRED;
        case PENDING_POINTS_ADDED -> PENDING_POINTS_ADDED;
        case PENDING_POINTS_ADJUSTED -> PENDING_POINTS_ADJUSTED;
        case PENDING_POINTS_CANCELED -> PENDING_POINTS_CANCELED;
        case PENDING_POINTS_ACTIVATION -> PENDING_POINTS_ACTIVATED;
      };
    }
  }

  /** What an event carries. */
  public sealed interface Payload permits Transaction, RedemptionChange, Membership, TierChange {}

  /** A card transaction: the ledger entry as written, with the balance after it. */
  public record Transaction(LedgerEntry entry) implements Payload {
    /** Checks the entry. */
    public Transaction {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** A redemption as this commit leaves it. */
  public record RedemptionChange(Redemption redemption) implements Payload {
    /** Checks the redemption. */
    public RedemptionChange {
      Objects.requireNonNull(redemption, "redemption");
    }
  }

  /** A card's publication to its holder. */
  public record Membership(CustomerId holder) implements Payload {
    /** Checks the holder. */
    public Membership {
      Objects.requireNonNull(holder, "holder");
    }
  }

  /**
   * A member's move between a program's tiers, or a held tier's new term (auto-redeem runs before tiers are checked,
   * so only the net move of a change counts, digest section 5.8).
   *
   * @param holder the card's holder
   * @param from the tier before, {@code null} for none; for a prolonged tier, the tier itself
   * @param to the tier after, {@code null} for none; for a prolonged tier, the tier itself
   * @param balance the card's balance after the change
   * @param effective when the move took effect: the change's instant, or a term's end or start that a later write
   *     settled (a tier that expired at midnight and was recorded at the next write); {@code null} when it is the
   *     event's {@code at}
   * @param expiresAt the first instant the tier {@code to} no longer holds, {@code null} when it follows the balance
   *     or for no tier
   * @param cascade how many tier-triggered earnings led to this move: 0 when an ordinary change caused it, n + 1 when
   *     the points of a rule fired by a move of cascade n did ({@link io.loyalty.spi.event.TierMoved#cascade})
   * @param structure the loyalty v2 tier structure the tiers are of, {@code null} for a v1 program's tiers (a v2
   *     move's {@code balance} is the points its structure counts: the balance, or the points earned in the period)
   */
  public record TierChange(CustomerId holder, @Nullable TierId from, @Nullable TierId to, long balance,
      @Nullable Instant effective, @Nullable Instant expiresAt, int cascade,
      io.loyalty.spi.@Nullable TierStructureId structure) implements Payload {
    /** A v1 move (no tier structure). */
    public TierChange(CustomerId holder, @Nullable TierId from, @Nullable TierId to, long balance,
        @Nullable Instant effective, @Nullable Instant expiresAt, int cascade) {
      this(holder, from, to, balance, effective, expiresAt, cascade, null);
    }

    /** Checks the holder, and that a move changes the tier (a prolonged term names its tier on both sides). */
    public TierChange {
      Objects.requireNonNull(holder, "holder");
      if (Objects.equals(from, to) && from == null) {
        throw new IllegalArgumentException("a tier change names a tier");
      }
      if (cascade < 0) {
        throw new IllegalArgumentException("cascade must be at least 0, not " + cascade);
      }
    }

    /** A move that took effect at the event's instant and whose tier follows the balance. */
    public TierChange(CustomerId holder, @Nullable TierId from, @Nullable TierId to, long balance) {
      this(holder, from, to, balance, null, null, 0);
    }

    /** A move an ordinary change caused (cascade 0). */
    public TierChange(CustomerId holder, @Nullable TierId from, @Nullable TierId to, long balance,
        @Nullable Instant effective, @Nullable Instant expiresAt) {
      this(holder, from, to, balance, effective, expiresAt, 0);
    }
  }
}
