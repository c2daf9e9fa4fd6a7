package io.loyalty.testkit;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A concrete engine operation planned from a {@link Step}: the same request is sent to the engine under test and
 * to the reference engine, and re-sent unchanged by a retrying caller.
 *
 * @param label what it does, for failure messages
 * @param touched the customers whose cards it may change (checked after the step)
 * @param op the call
 * @param event the event it applies, if any (recorded for replays and the exactly-once check)
 * @param comparesValue whether the value must equal the reference's (a sweep's report may not, after a re-send)
 * @param afterLostAck how a retrying caller reads the result of an operation that is not idempotent (an enrolment)
 *     when its first commit was written but unacknowledged and the re-send was refused; {@code null} when the
 *     operation is idempotent
 */
record Request(
    String label,
    List<CustomerId> touched,
    Function<LoyaltyEngine, Object> op,
    @Nullable LoyaltyEvent event,
    boolean comparesValue,
    @Nullable Function<LoyaltyStore, Object> afterLostAck) {

  static Request of(String label, List<CustomerId> touched, Function<LoyaltyEngine, Object> op) {
    return new Request(label, touched, op, null, true, null);
  }

  static Request event(String label, CustomerId customer, LoyaltyEvent event) {
    return new Request(label, List.of(customer), e -> e.apply(event), event, true, null);
  }
}
