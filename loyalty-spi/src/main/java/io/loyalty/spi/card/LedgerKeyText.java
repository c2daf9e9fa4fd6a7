package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link LedgerKey}'s text back: the exact inverse of each kind's {@code text()}, or {@code null} when no kind
 * spells the text. It reads the parts a kind's text would have, then keeps the key only when its text is exactly the
 * one read, so ids not in normal form, non-canonical lengths or numbers, and anything left over all read as no kind.
 */
final class LedgerKeyText {
  private final String text;
  private int at;

  private LedgerKeyText(String text, int at) {
    this.text = text;
    this.at = at;
  }

  static @Nullable LedgerKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    try {
      LedgerKey key = new LedgerKeyText(text, colon + 1).read(text.substring(0, colon));
      return key != null && key.text().equals(text) ? key : null;
    } catch (InvalidInputException | IllegalArgumentException e) {
      return null; // a part is not a valid id, or not in its normal form: no kind spells it
    }
  }

  private @Nullable LedgerKey read(String tag) {
    switch (tag) {
      case "accrual" -> {
        CardCode card = card(true);
        if (text.startsWith("order:", at)) {
          at += 6;
          OrderId order = id(OrderId::of);
          return new LedgerKey.Accrual(card, order, null, id(RuleId::of));
        }
        if (text.startsWith("event:", at)) {
          at += 6;
          EventId event = id(EventId::of);
          return new LedgerKey.Accrual(card, null, event, id(RuleId::of));
        }
        return null;
      }
      case "reversal" -> {
        CardCode card = card(true);
        EventId refund = id(EventId::of);
        return new LedgerKey.Reversal(card, refund, id(RuleId::of));
      }
      case "source" -> {
        String source = part();
        return new LedgerKey.Source(source, at == text.length() ? LedgerKey.Source.Leg.CLAIM : LedgerKey.Source.Leg.TRANSFER_IN);
      }
      case "initial" -> {
        return new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, card(false), 0);
      }
      default -> {
        for (LedgerKey.OnCard.Kind kind : LedgerKey.OnCard.Kind.values()) {
          if (kind.tag().equals(tag)) {
            return new LedgerKey.OnCard(kind, card(true), Long.parseLong(text.substring(at)));
          }
        }
        for (LedgerKey.OfRedemption.Kind kind : LedgerKey.OfRedemption.Kind.values()) {
          if (kind.tag().equals(tag)) {
            return new LedgerKey.OfRedemption(kind, RedemptionId.of(text.substring(at)));
          }
        }
        return null;
      }
    }
  }

  /** A card code up to the next colon (and past it) or, when {@code colon} is false, to the end. */
  private CardCode card(boolean colon) {
    int end = colon ? text.indexOf(':', at) : text.length();
    if (end < 0) {
      throw new IllegalArgumentException("no card segment");
    }
    CardCode card = CardCode.of(text.substring(at, end));
    at = colon ? end + 1 : end;
    return card;
  }

  /** A length-prefixed part ({@code 5:ord_1}) read as an id. */
  private <T> T id(Function<String, T> of) {
    return of.apply(part());
  }

  /** A length-prefixed part ({@code 5:ord_1}). */
  private String part() {
    int colon = text.indexOf(':', at);
    if (colon < 0) {
      throw new IllegalArgumentException("no length");
    }
    int length = Integer.parseInt(text.substring(at, colon));
    if (length < 0 || colon + 1 + length > text.length()) {
      throw new IllegalArgumentException("bad length");
    }
    at = colon + 1 + length;
    return text.substring(colon + 1, at);
  }
}
