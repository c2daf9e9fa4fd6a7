package io.loyalty.core.internal.memory;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;

/** A membership: a customer in a program, held by at most one card. */
record MemberKey(ProgramId program, CustomerId holder) {
  // Written out (on the ids' texts) rather than generated: this key is hashed on every event's card lookup.
  @Override
  public boolean equals(Object o) {
    return o instanceof MemberKey k && holder.value().equals(k.holder.value()) && program.value().equals(k.program.value());
  }

  @Override
  public int hashCode() {
    return 31 * program.value().hashCode() + holder.value().hashCode();
  }
}
