package io.loyalty.spi.event;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Limits;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.SegmentId;
import java.util.Set;

/**
 * The host's view of a customer at the time of an event: id, metadata and the segments they are in.
 *
 * @param id the customer's id
 * @param metadata the customer's metadata, used by CUSTOMER_METADATA rules and conditions
 * @param segments the segments the customer is in, used by segment conditions
 */
public record Customer(CustomerId id, Metadata metadata, Set<SegmentId> segments) {
  /** Defaults and copies the collections. */
  public Customer {
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    segments = segments == null ? Set.of() : Set.copyOf(segments);
    if (segments.size() > Limits.MAX_SEGMENTS) {
      throw InvalidInputException.of("customer.segments", "must have at most " + Limits.MAX_SEGMENTS + " segments",
          segments.size());
    }
  }

  /** The customer with this id, with no metadata and no segments. */
  public static Customer of(CustomerId id) {
    return new Customer(id, Metadata.EMPTY, Set.of());
  }

  /** A customer with no metadata and no segments. */
  public static Customer of(String id) {
    return new Customer(CustomerId.of(id), Metadata.EMPTY, Set.of());
  }

  /** A copy with the given metadata. */
  public Customer withMetadata(Metadata metadata) {
    return new Customer(id, metadata, segments);
  }

  /** A copy in the given segments. */
  public Customer inSegments(SegmentId... segments) {
    return new Customer(id, metadata, Set.of(segments));
  }
}
