package io.loyalty.spi.store;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Member;
import java.util.List;
import java.util.Optional;

/**
 * Reads the loyalty v2 member records a store keeps ({@link MemberWrite}s of its change sets). A store that keeps none
 * answers with {@link UnsupportedOperationException}: the engine then keeps members as their cards alone (status from
 * the cards' switches, no metadata), and its member operations that need a record fail before anything is written.
 */
public interface MemberStore {
  /** The member record of the customer in the program, if stored. */
  default Optional<Member> member(ProgramId program, CustomerId customer) {
    throw new UnsupportedOperationException("this store keeps no member records");
  }

  /** The program's member records, oldest joined first (then by customer id), at most {@code limit}. */
  default List<Member> members(ProgramId program, int limit) {
    throw new UnsupportedOperationException("this store keeps no member records");
  }
}
