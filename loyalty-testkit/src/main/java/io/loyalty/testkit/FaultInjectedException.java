package io.loyalty.testkit;

/**
 * A store failure {@link FaultyStore} made up. Not a {@link io.loyalty.spi.LoyaltyException}: to the engine it is
 * what a broken connection is, and a caller should re-send its request.
 */
public final class FaultInjectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FaultyStore.Fault fault;
  private final boolean written;

  FaultInjectedException(FaultyStore.Fault fault, boolean written, String message) {
    super(message);
    this.fault = fault;
    this.written = written;
  }

  /** Which fault it was. */
  public FaultyStore.Fault fault() {
    return fault;
  }

  /** Whether the change set was applied before the exception (a lost acknowledgement of an applied commit). */
  public boolean written() {
    return written;
  }
}
