package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One immutable change of a card's points (Voucherify's card transaction). Once expirations and activations
 * up to an instant are recorded (the sweep), the sum of the entries' {@code points} is the balance at that
 * instant and the sum of their {@code pending} is the pending points. Stores keep entries append-only and
 * reject a second entry with the same {@link #key()}.
 *
 * @param card the card
 * @param seq 1 for the card's first entry, then one more per entry
 * @param type what happened
 * @param points the signed change of the usable balance
 * @param pending the signed change of the pending points
 * @param balanceAfter the card's balance right after this entry
 * @param at when the engine recorded it (its clock at the write, whatever the time of the event that caused it);
 *     for an activation or expiration, the instant it fell due
 * @param key the idempotency key, unique in the store (for an accrual: card, order or event, and rule)
 * @param event the event that caused it, {@code null} for manual operations
 * @param rule the earning rule, {@code null} when none
 * @param programVersion the program definition version in force
 * @param order the order, {@code null} when none
 * @param reason a free-text reason (manual operations), possibly empty
 * @param draws the lots drawn from (debits), or the debt repaid from the new lot (credits); possibly empty
 * @param related the key of the linked entry (the other side of a transfer), {@code null} for none
 */
public record LedgerEntry(
    CardCode card,
    long seq,
    EntryType type,
    long points,
    long pending,
    long balanceAfter,
    Instant at,
    LedgerKey key,
    @Nullable EventId event,
    @Nullable RuleId rule,
    long programVersion,
    @Nullable OrderId order,
    String reason,
    List<LotDraw> draws,
    @Nullable LedgerKey related) {

  /** Copies the draws and defaults the reason. */
  public LedgerEntry {
    reason = reason == null ? "" : reason;
    draws = List.copyOf(draws);
  }

  /** A builder starting from this ledger entry's values, to change some and build a new one. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** An empty builder: every part to set, but the lists (empty), texts (empty) and switches (on). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a ledger entry by named parts, so code that builds one does not break when a part is added. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable CardCode card;
    private long seq;
    private @Nullable EntryType type;
    private long points;
    private long pending;
    private long balanceAfter;
    private @Nullable Instant at;
    private @Nullable LedgerKey key;
    private @Nullable EventId event;
    private @Nullable RuleId rule;
    private long programVersion;
    private @Nullable OrderId order;
    private @Nullable String reason = "";
    private @Nullable List<LotDraw> draws = List.of();
    private @Nullable LedgerKey related;

    Builder() {}

    Builder(LedgerEntry from) {
      this.card = from.card();
      this.seq = from.seq();
      this.type = from.type();
      this.points = from.points();
      this.pending = from.pending();
      this.balanceAfter = from.balanceAfter();
      this.at = from.at();
      this.key = from.key();
      this.event = from.event();
      this.rule = from.rule();
      this.programVersion = from.programVersion();
      this.order = from.order();
      this.reason = from.reason();
      this.draws = from.draws();
      this.related = from.related();
    }

    /** Sets {@code card}. */
    public Builder card(CardCode card) {
      this.card = card;
      return this;
    }

    /** Sets {@code seq}. */
    public Builder seq(long seq) {
      this.seq = seq;
      return this;
    }

    /** Sets {@code type}. */
    public Builder type(EntryType type) {
      this.type = type;
      return this;
    }

    /** Sets {@code points}. */
    public Builder points(long points) {
      this.points = points;
      return this;
    }

    /** Sets {@code pending}. */
    public Builder pending(long pending) {
      this.pending = pending;
      return this;
    }

    /** Sets {@code balanceAfter}. */
    public Builder balanceAfter(long balanceAfter) {
      this.balanceAfter = balanceAfter;
      return this;
    }

    /** Sets {@code at}. */
    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    /** Sets {@code key}. */
    public Builder key(LedgerKey key) {
      this.key = key;
      return this;
    }

    /** Sets {@code event}. */
    public Builder event(@Nullable EventId event) {
      this.event = event;
      return this;
    }

    /** Sets {@code rule}. */
    public Builder rule(@Nullable RuleId rule) {
      this.rule = rule;
      return this;
    }

    /** Sets {@code programVersion}. */
    public Builder programVersion(long programVersion) {
      this.programVersion = programVersion;
      return this;
    }

    /** Sets {@code order}. */
    public Builder order(@Nullable OrderId order) {
      this.order = order;
      return this;
    }

    /** Sets {@code reason}. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** Sets {@code draws}. */
    public Builder draws(List<LotDraw> draws) {
      this.draws = draws;
      return this;
    }

    /** Sets {@code related}. */
    public Builder related(@Nullable LedgerKey related) {
      this.related = related;
      return this;
    }

    /** The ledger entry, checked as its constructor checks it. */
    public LedgerEntry build() {
      return new LedgerEntry(java.util.Objects.requireNonNull(card, "card"), seq,
          java.util.Objects.requireNonNull(type, "type"), points, pending, balanceAfter,
          java.util.Objects.requireNonNull(at, "at"), java.util.Objects.requireNonNull(key, "key"), event, rule,
          programVersion, order, java.util.Objects.requireNonNull(reason, "reason"),
          java.util.Objects.requireNonNull(draws, "draws"), related);
    }
  }
}
