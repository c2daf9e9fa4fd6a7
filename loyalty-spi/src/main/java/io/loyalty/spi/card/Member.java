package io.loyalty.spi.card;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's membership of a loyalty v2 program (Voucherify's member, digest 12.2): its status and metadata, beside
 * the cards it holds (one per wallet). Stores write it with compare-and-set on {@link #version()}.
 *
 * @param program the program
 * @param customer the member
 * @param status ACTIVE, INACTIVE (cannot earn or spend) or DELETED (soft, final)
 * @param metadata free key/values, merged by updates
 * @param version 1 when first stored, one more per write
 * @param createdAt when the customer joined
 * @param updatedAt when this version was stored
 */
public record Member(ProgramId program, CustomerId customer, MemberStatus status, Metadata metadata, long version,
    Instant createdAt, Instant updatedAt) {
  /** Checks the parts and defaults the metadata. */
  public Member {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(status, "status");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The next version with this status and metadata, stored at {@code now}. */
  public Member next(MemberStatus status, Metadata metadata, Instant now) {
    return new Member(program, customer, status, metadata, version + 1, createdAt, now);
  }
}
