package io.loyalty.spi.store;

import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramInputs;
import java.util.List;

/**
 * The proof that an event was applied: the event as it was applied, its outcome, and what the decision was made
 * from beyond them. Unique per event id, so a retry finds it and returns the same outcome, and a different payload
 * under the same id is caught.
 *
 * @param event the event
 * @param outcome what it earned (or took back)
 * @param inputs one per program of the outcome, in the same order: the card's state and the host's answers the
 *     decision used (empty for a receipt recorded without them)
 */
public record EventReceipt(LoyaltyEvent event, EventOutcome outcome, List<ProgramInputs> inputs) {
  /** Copies the inputs. */
  public EventReceipt {
    inputs = List.copyOf(inputs);
  }

  /** A receipt recording no inputs. */
  public EventReceipt(LoyaltyEvent event, EventOutcome outcome) {
    this(event, outcome, List.of());
  }

  /** The inputs of the program's part of the decision, if recorded. */
  public java.util.Optional<ProgramInputs> inputsOf(io.loyalty.spi.ProgramId program) {
    for (ProgramInputs i : inputs) {
      if (i.program().equals(program)) {
        return java.util.Optional.of(i);
      }
    }
    return java.util.Optional.empty();
  }
}
