package io.loyalty.core.internal.memory;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;

/** A membership: a customer in a program, held by at most one card. */
record MemberKey(ProgramId program, CustomerId holder) {
  /** The duplicate key string of the store contract. */
  String describe() {
    return "member:" + program + ":" + holder;
  }
}
