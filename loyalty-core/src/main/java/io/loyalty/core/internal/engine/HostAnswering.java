package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.Answering;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.core.internal.load.HostPorts;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;

/**
 * Host answers asked of the host's ports as a decision goes, each recorded ({@link Answering.Recording}): what the
 * paths that do not gather a read set yet (a redemption's conditions, a replay under a candidate) and evaluations
 * outside the engine use. The event path asks the ports before deciding ({@link HostPorts#ask}).
 */
public final class HostAnswering {
  private HostAnswering() {}

  /** Answers from the host's ports, recording each one in the order asked. */
  public static Answering.Recording recording(ValidationRules rules, ProductCollections collections) {
    return Answering.recording(new HostPorts(rules, collections));
  }

  /** Answers from a record only; a question it does not hold is an {@link IllegalStateException}. */
  public static Answers replaying(HostAnswers recorded) {
    return Answering.replaying(recorded);
  }
}
