package io.loyalty.testkit;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.store.LoyaltyStore;

/**
 * A caller that re-sends the same request until it gets an answer it can trust, as a message consumer or a client
 * with retries does: events are idempotent by id, adjustments and transfers by source id. An injected failure is
 * re-sent; so is a typed error raised while the wrapper injected a fault (a stale read can make a check fail that
 * a fresh one passes), so only a clean attempt's error stands. An enrolment or a rollback whose commit was written
 * but not acknowledged is refused on re-send ({@code member_already_exists}, {@code already_rolled_back}); the caller
 * then reads the membership or the rolled-back redemption it made.
 */
final class RetryingCaller {
  static final int MAX_ATTEMPTS = 60;

  private RetryingCaller() {}

  /** Sends the request through {@code engine} until it is answered; {@code clean} reads the store without faults. */
  static Outcome call(LoyaltyEngine engine, FaultyStore faults, LoyaltyStore clean, Request request, String where,
      Coverage coverage) {
    boolean writtenButLost = false;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      long mark = faults.injected();
      try {
        return Outcome.ok(request.op().apply(engine));
      } catch (FaultInjectedException e) {
        writtenButLost |= e.written();
        last = e;
      } catch (LoyaltyException e) {
        Request.LostAck lostAck = request.lostAck();
        if (lostAck != null && attempt > 1 && e.code().equals(lostAck.refusal())
            && (writtenButLost || !lostAck.needsWrittenCommit())) {
          coverage.countRecovery(lostAck.refusal());
          return Outcome.ok(lostAck.lookup().apply(clean));
        }
        if (faults.injected() == mark) {
          return Outcome.failed(e);
        }
        last = e;
      }
    }
    throw new AssertionError(where + ": no answer after " + MAX_ATTEMPTS + " attempts", last);
  }

  /** Sends the request once; a typed error is the answer. */
  static Outcome once(LoyaltyEngine engine, Request request) {
    try {
      return Outcome.ok(request.op().apply(engine));
    } catch (LoyaltyException e) {
      return Outcome.failed(e);
    }
  }
}
