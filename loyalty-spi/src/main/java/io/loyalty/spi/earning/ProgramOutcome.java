package io.loyalty.spi.earning;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one event earns in one program: the card credited, whether it was joined by this event, each
 * rule's accrual, and each rule that matched the trigger but gave nothing.
 *
 * @param program the program
 * @param programVersion the program definition version evaluated
 * @param card the card credited, {@code null} when the customer is not a member (see the skips)
 * @param joined whether this event published the card (auto-join)
 * @param points the net change of the card's points: the accruals less what refunds took back
 * @param accruals the rules that gave points, in the program's rule order
 * @param skipped the rules that gave none, in the program's rule order
 * @param reversals for a refund, what was taken back per rule; empty otherwise
 * @param autoRedemption the redemption auto-redeem made because this event brought the balance to the price of
 *     the program's auto-redeem reward, {@code null} for none
 */
public record ProgramOutcome(
    ProgramId program,
    long programVersion,
    @Nullable CardCode card,
    boolean joined,
    long points,
    List<Accrual> accruals,
    List<Skip> skipped,
    List<Reversal> reversals,
    @Nullable RedemptionId autoRedemption) {

  /** Copies the lists. */
  public ProgramOutcome {
    accruals = List.copyOf(accruals);
    skipped = List.copyOf(skipped);
    reversals = List.copyOf(reversals);
  }
}
