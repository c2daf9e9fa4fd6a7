package io.loyalty.json;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.event.Customer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A v1 add-member body read: the customer (its id the body's {@code source_id}, else its {@code id}, with its
 * metadata), the card code to publish or {@code null} for the pool's next, and the publication's source id.
 *
 * @param customer the customer to publish a card to
 * @param code the card to publish, or {@code null}
 * @param sourceId the publication's source id, or {@code null}
 */
public record MemberRequest(Customer customer, @Nullable CardCode code, @Nullable String sourceId) {
  /** Checks the customer is present. */
  public MemberRequest {
    Objects.requireNonNull(customer, "customer");
  }
}
