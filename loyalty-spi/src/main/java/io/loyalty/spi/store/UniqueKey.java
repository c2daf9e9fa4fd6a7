package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.WalletId;
import java.util.Objects;

/** What a {@link CommitResult.Duplicate} names: the unique key that was already taken. */
public sealed interface UniqueKey {
  /** The documented text form, such as {@code code:ACME-1} (for logs and messages; never parsed). */
  String text();

  /** A card code. */
  record CodeKey(CardCode code) implements UniqueKey {
    /** Checks the code. */
    public CodeKey {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String text() {
      return "code:" + code;
    }
  }

  /** A membership's wallet: one card per program, holder and wallet. */
  record MemberKey(ProgramId program, CustomerId holder, WalletId wallet) implements UniqueKey {
    /** Checks the parts. */
    public MemberKey {
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(wallet, "wallet");
    }

    /** The key of the card that holds the card's place: its program, holder and wallet. */
    public static MemberKey of(io.loyalty.spi.card.Card card, CustomerId holder) {
      return new MemberKey(card.program(), holder, card.wallet());
    }

    @Override
    public String text() {
      return "member:" + program + ":" + wallet + ":" + holder;
    }
  }

  /** A ledger entry's idempotency key. */
  record EntryKey(io.loyalty.spi.card.LedgerKey key) implements UniqueKey {
    /** Checks the key. */
    public EntryKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String text() {
      return "entry:" + key.text();
    }
  }

  /** A ledger entry's position on its card. */
  record SeqKey(CardCode card, long seq) implements UniqueKey {
    /** Checks the card. */
    public SeqKey {
      Objects.requireNonNull(card, "card");
    }

    @Override
    public String text() {
      return "entry:" + card + "#" + seq;
    }
  }

  /** An applied event's id (its receipt). */
  record EventKey(EventId event) implements UniqueKey {
    /** Checks the id. */
    public EventKey {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public String text() {
      return "event:" + event;
    }
  }

  /** A redemption's id. */
  record RedemptionKey(RedemptionId redemption) implements UniqueKey {
    /** Checks the id. */
    public RedemptionKey {
      Objects.requireNonNull(redemption, "redemption");
    }

    @Override
    public String text() {
      return "redemption:" + redemption;
    }
  }

  /** An outbox event's id. */
  record OutboxKey(String id) implements UniqueKey {
    /** Checks the id. */
    public OutboxKey {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return "outbox:" + id;
    }
  }
}
