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
 * @param lostAck how a retrying caller reads the result of an operation that is not idempotent (an enrolment, a
 *     rollback) when an earlier attempt was written but unacknowledged and the re-send was refused; {@code null}
 *     when the operation is idempotent
 * @param expected the answer the kit knows in advance (the stored result of a re-sent redemption, the refusal of a
 *     second rollback), checked on both engines; {@code null} when only the reference engine says
 */
record Request(
    String label,
    List<CustomerId> touched,
    Function<LoyaltyEngine, Object> op,
    @Nullable LoyaltyEvent event,
    boolean comparesValue,
    @Nullable LostAck lostAck,
    @Nullable Outcome expected) {

  /**
   * What tells a retrying caller that an earlier attempt of its own was written: the re-send's refusal, and how to
   * read what that attempt made.
   *
   * @param refusal the error code the re-send gets ({@code member_already_exists}, {@code already_rolled_back})
   * @param needsWrittenCommit whether the refusal counts only after a lost acknowledgement of an applied commit
   *     ({@code false} when the request was planned so that only its own attempt can cause the refusal)
   * @param lookup reads the result from the store without faults
   */
  record LostAck(String refusal, boolean needsWrittenCommit, Function<LoyaltyStore, Object> lookup) {}

  static Request of(String label, List<CustomerId> touched, Function<LoyaltyEngine, Object> op) {
    return new Request(label, touched, op, null, true, null, null);
  }

  static Request event(String label, CustomerId customer, LoyaltyEvent event) {
    return new Request(label, List.of(customer), e -> e.apply(event), event, true, null, null);
  }

  /** This request, read back by {@code lostAck} after a refused re-send. */
  Request recoveredBy(LostAck lostAck) {
    return new Request(label, touched, op, event, comparesValue, lostAck, expected);
  }

  /** This request, whose answer must be {@code expected} on both engines. */
  Request expecting(@Nullable Outcome expected) {
    return new Request(label, touched, op, event, comparesValue, lostAck, expected);
  }
}
