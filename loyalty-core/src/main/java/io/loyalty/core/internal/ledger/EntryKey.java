package io.loyalty.core.internal.ledger;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency key of a ledger entry, typed by what made the entry. Stores keep keys as text and answer a taken
 * one as a duplicate, so {@link #text()} is an injective encoding: a kind tag, then the card between colons where
 * the key is the card's own (card codes hold no colon, the code validator sees to it), then every host-given part
 * length-prefixed ({@code 5:ord_1}). No host text can therefore spell another kind's key, another card's key, or
 * another split of its own parts: a source id {@code A-1:7} is {@code source:5:A-1:7}, never the sourceless addition
 * {@code adjust:A-1:7}. Host source ids share one namespace whatever the operation, so an addition and a transfer
 * under one source id collide as they must.
 */
public sealed interface EntryKey {
  /** The stored text, unique per entry in every store. */
  String text();

  /** A host-given part, length-prefixed so that no split of a text can pass for another. */
  static String part(String text) {
    return text.length() + ":" + text;
  }

  /** Points a card earned under a rule for an order, or for an event without an order: once per triple. */
  record Accrual(CardCode card, @Nullable OrderId order, EventId event, RuleId rule) implements EntryKey {
    @Override
    public String text() {
      return prefix(card, order, event).concat(part(rule.value()));
    }

    /** The text of every accrual key of one event and card before the rule's part (built once per event). */
    public static String prefix(CardCode card, @Nullable OrderId order, EventId event) {
      return order != null
          ? "accrual:" + card.value() + ":order:" + part(order.value())
          : "accrual:" + card.value() + ":event:" + part(event.value());
    }
  }

  /** Points a refund took back on a card from what a rule granted: once per refund event and rule. */
  record Reversal(CardCode card, EventId refund, RuleId rule) implements EntryKey {
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
  record Source(String sourceId, Leg leg) implements EntryKey {
    /** Which entry of the operation: the one that claims the source id, or a transfer's incoming side. */
    public enum Leg {
      /** The addition, the removal, or a transfer's outgoing side. */
      CLAIM,
      /** A transfer's incoming side. */
      TRANSFER_IN
    }

    @Override
    public String text() {
      return leg == Leg.CLAIM ? "source:" + part(sourceId) : "source:" + part(sourceId) + ":in";
    }
  }

  /** An entry the engine numbers on its card: initial points, a sourceless adjustment, a pending change, a sweep. */
  record OnCard(Kind kind, CardCode card, long number) implements EntryKey {
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
    }

    @Override
    public String text() {
      return kind == Kind.INITIAL ? "initial:" + card.value() : kind.tag + ":" + card.value() + ":" + number;
    }
  }

  /** An entry of a redemption: its debit, a points reward's credit, or its rollback. */
  record OfRedemption(Kind kind, RedemptionId redemption) implements EntryKey {
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
    }

    @Override
    public String text() {
      return kind.tag + ":" + redemption.value();
    }
  }

  /**
   * The id of a redemption the engine derives (auto-redeem), from the parts that make it unique: {@code auto_} and
   * 32 hex digits of a SHA-256 of the length-prefixed parts. Fixed length whatever the parts, and in a namespace
   * host redemption ids may not take ({@link #isDerived}).
   */
  static RedemptionId derivedRedemption(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String p : parts) {
      text.append(part(p));
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return RedemptionId.of(DERIVED_PREFIX + HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The id of the {@code unit}-th reward (2 to 25) of the automatic transaction whose first redemption is {@code first}. */
  static RedemptionId batchRedemption(RedemptionId first, int unit) {
    return derivedRedemption("unit", first.value(), Integer.toString(unit));
  }

  /** The prefix of derived redemption ids; a host's request id must not start with it. */
  String DERIVED_PREFIX = "auto_";

  /** Whether the id is in the engine's derived namespace. */
  static boolean isDerived(RedemptionId id) {
    return id.value().startsWith(DERIVED_PREFIX);
  }

  /** The derived id of the redemption an event triggers in a program. */
  static RedemptionId autoRedemption(EventId event, ProgramId program) {
    return derivedRedemption("event", event.value(), program.value());
  }
}
