package io.loyalty.core.internal.memory;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;

/** A membership's wallet: a customer's place in one wallet of a program, held by at most one card. */
record MemberKey(ProgramId program, CustomerId holder, WalletId wallet) {
  /** The place the card takes when held by {@code holder}. */
  static MemberKey of(Card card, CustomerId holder) {
    return new MemberKey(card.program(), holder, card.wallet());
  }

  // Written out (on the ids' texts) rather than generated: this key is hashed on every event's card lookup.
  @Override
  public boolean equals(Object o) {
    return o instanceof MemberKey k && holder.value().equals(k.holder.value()) && program.value().equals(k.program.value())
        && wallet.value().equals(k.wallet.value());
  }

  @Override
  public int hashCode() {
    return 31 * (31 * program.value().hashCode() + holder.value().hashCode()) + wallet.value().hashCode();
  }
}
