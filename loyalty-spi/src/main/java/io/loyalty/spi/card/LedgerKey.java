package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency key of a ledger entry, typed by what made the entry; stores keep at most one entry per key. A store
 * compares keys with {@code equals} or by their {@link #text()}, which is an injective encoding (equal texts, equal
 * keys) that {@link #parse} reads back: a kind tag, then the card between colons where the key is the card's own (card
 * codes hold no colon), then every host-given part length-prefixed ({@code 5:ord_1}). No host text can therefore spell
 * another kind's key, another card's key, or another split of its own parts. {@link #card()} says which card a key
 * belongs to, so a store can keep card-scoped keys with the card without reading the text.
 */
public sealed interface LedgerKey {
  /** The stored text: unique per key, and {@link #parse} of it is this key. */
  String text();

  /**
   * The card the key is scoped to (an accrual, a reversal or a numbered entry of that card), or {@code null} for a key
   * that is unique store-wide for another reason (a host's source id, a redemption, a legacy text).
   */
  @Nullable CardCode card();

  /** A host-given part, length-prefixed so that no split of a text can pass for another. */
  static String part(String text) {
    return text.length() + ":" + text;
  }

  /**
   * Points a card earned under a rule for an order (once per card, order and rule, whatever the event), or for an event
   * without an order (once per card, event and rule): exactly one of {@code order} and {@code event} is set.
   */
  record Accrual(CardCode card, @Nullable OrderId order, @Nullable EventId event, RuleId rule) implements LedgerKey {
    /** Checks the parts. */
    public Accrual {
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(rule, "rule");
      if ((order == null) == (event == null)) {
        throw new IllegalArgumentException("an accrual key names an order or an event, not both or neither");
      }
    }

    /** The key of an accrual of {@code event}: by its order when it has one, else by the event. */
    public static Accrual of(CardCode card, @Nullable OrderId order, EventId event, RuleId rule) {
      return order != null ? new Accrual(card, order, null, rule) : new Accrual(card, null, event, rule);
    }

    // equals and hashCode written out: keys are hashed on every commit (generated ones go through method handles)
    @Override
    public boolean equals(Object o) {
      return o instanceof Accrual k && card.equals(k.card) && rule.equals(k.rule) && Objects.equals(order, k.order)
          && Objects.equals(event, k.event);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * card.hashCode() + (order != null ? order.hashCode() : Objects.requireNonNull(event).hashCode()))
          + rule.hashCode();
    }

    @Override
    public String text() {
      return (order != null
          ? "accrual:" + card.value() + ":order:" + part(order.value())
          : "accrual:" + card.value() + ":event:" + part(Objects.requireNonNull(event, "event").value()))
          .concat(part(rule.value()));
    }
  }

  /** Points a refund took back on a card from what a rule granted: once per refund event and rule. */
  record Reversal(CardCode card, EventId refund, RuleId rule) implements LedgerKey {
    /** Checks the parts. */
    public Reversal {
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(refund, "refund");
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reversal k && card.equals(k.card) && refund.equals(k.refund) && rule.equals(k.rule);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * card.hashCode() + refund.hashCode()) + rule.hashCode();
    }

    @Override
    public String text() {
      return "reversal:" + card.value() + ":" + part(refund.value()) + part(rule.value());
    }
  }

  /**
   * An entry the host identified by a source id (an addition, a removal, a transfer). One namespace for every
   * operation, so reusing a source id for another operation is a duplicate; the leg tells a transfer's two entries
   * apart.
   */
  record Source(String sourceId, Leg leg) implements LedgerKey {
    /** Checks the parts. */
    public Source {
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(leg, "leg");
    }

    /** The key that claims a source id. */
    public static Source of(String sourceId) {
      return new Source(sourceId, Leg.CLAIM);
    }

    /** Which entry of the operation: the one that claims the source id, or a transfer's incoming side. */
    public enum Leg {
      /** The addition, the removal, or a transfer's outgoing side. */
      CLAIM,
      /** A transfer's incoming side. */
      TRANSFER_IN
    }

    @Override
    public @Nullable CardCode card() {
      return null;
    }

    @Override
    public String text() {
      return leg == Leg.CLAIM ? "source:" + part(sourceId) : "source:" + part(sourceId) + ":in";
    }
  }

  /** An entry the engine numbers on its card: initial points, a sourceless adjustment, a pending change, a sweep. */
  record OnCard(Kind kind, CardCode card, long number) implements LedgerKey {
    /** Checks the parts. */
    public OnCard {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(card, "card");
      if (kind == Kind.INITIAL && number != 0) {
        throw new IllegalArgumentException("a card's initial points are numbered 0: its text has no number");
      }
    }

    /** What the engine recorded; the tag is the key's first word. */
    public enum Kind {
      /** The card template's initial points (number 0). */
      INITIAL("initial"),
      /** An addition or removal without a source id, numbered by the entry's seq. */
      ADJUSTMENT("adjust"),
      /** Pending points changed by hand, numbered by the entry's seq. */
      PENDING_ADJUSTMENT("pending-adjust"),
      /** Pending points activated (by a sweep, a read-through or by hand), numbered by the lot. */
      ACTIVATION("activation"),
      /** Pending points canceled by hand, numbered by the lot. */
      CANCELLATION("cancel"),
      /** Points expired, numbered by the lot. */
      EXPIRATION("expiration");

      private final String tag;

      Kind(String tag) {
        this.tag = tag;
      }

      /** The key's first word for this kind. */
      public String tag() {
        return tag;
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OnCard k && kind == k.kind && card.equals(k.card) && number == k.number;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * kind.ordinal() + card.hashCode()) + Long.hashCode(number);
    }

    @Override
    public String text() {
      return kind == Kind.INITIAL ? "initial:" + card.value() : kind.tag + ":" + card.value() + ":" + number;
    }
  }

  /** An entry of a redemption: its debit, a points reward's credit, or its rollback. */
  record OfRedemption(Kind kind, RedemptionId redemption) implements LedgerKey {
    /** Checks the parts. */
    public OfRedemption {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(redemption, "redemption");
    }

    /** Which entry of the redemption. */
    public enum Kind {
      /** The points the redemption took. */
      DEBIT("redemption"),
      /** The points a LOYALTY_PROGRAM reward credited to the other card. */
      REWARD("reward"),
      /** The points a rollback gave back. */
      ROLLBACK("rollback"),
      /** The points a rollback took back from the card a LOYALTY_PROGRAM reward credited. */
      REWARD_ROLLBACK("reward-rollback");

      private final String tag;

      Kind(String tag) {
        this.tag = tag;
      }

      /** The key's first word for this kind. */
      public String tag() {
        return tag;
      }
    }

    @Override
    public @Nullable CardCode card() {
      return null;
    }

    @Override
    public String text() {
      return kind.tag + ":" + redemption.value();
    }
  }

  /**
   * A key whose text no other kind spells: written by an earlier version of the engine, or by a host's own tool.
   * It is unique store-wide and never scoped to a card.
   */
  record Legacy(String text) implements LedgerKey {
    /** Checks the text is not empty and is not the text of a typed key (equal texts must be equal keys). */
    public Legacy {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw InvalidInputException.of("key", "must not be empty", text);
      }
      if (LedgerKeyText.parse(text) != null) {
        throw InvalidInputException.of("key", "is the text of a typed key: use LedgerKey.parse", text);
      }
    }

    @Override
    public @Nullable CardCode card() {
      return null;
    }
  }

  /**
   * The key whose {@link #text()} is {@code text}: the inverse of {@code text()} for every typed kind, and a
   * {@link Legacy} key for a text no kind spells. Stores call it to read back a key kept as text.
   */
  static LedgerKey parse(String text) {
    LedgerKey key = LedgerKeyText.parse(Objects.requireNonNull(text, "text"));
    return key != null ? key : new Legacy(text);
  }
}
