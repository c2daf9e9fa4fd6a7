package io.loyalty.core.internal.decide;

import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The unpublished cards a join picks from, read for one customer: the next ones of the pool from the customer's
 * probe, and, when an AUTO_UPDATE pool read none, a card generated for the join.
 *
 * @param program the pool's program
 * @param reserve up to {@link #PICK_WINDOW} unpublished cards, the first of which a join takes
 * @param fresh a new card when {@code reserve} is empty and the pool grows; {@code null} otherwise
 * @param noFresh why no new card could be generated for a growing pool read empty (its codes are used up), thrown
 *     by a join that needs it; {@code null} otherwise
 */
public record Pool(ProgramId program, List<Card> reserve, @Nullable Card fresh, @Nullable RuntimeException noFresh) {
  /** How many unpublished cards a pick reads: enough to judge whether an AUTO_UPDATE reserve needs a top-up. */
  public static final int PICK_WINDOW = 8;
  /** How many unpublished cards an AUTO_UPDATE pool keeps in reserve. */
  public static final int RESERVE = 8;

  /** Copies the reserve. */
  public Pool {
    reserve = List.copyOf(reserve);
  }

  /**
   * How many cards a join that read {@code reserveSize} unpublished ones generates to keep the pool's reserve, when
   * it tops up at all ({@code refill}): an AUTO_UPDATE pool at half its reserve or less is topped up.
   */
  public static int refill(Program program, int reserveSize, boolean refill) {
    return refill && program.pool().type() == CardPool.Type.AUTO_UPDATE && reserveSize <= RESERVE / 2
        ? RESERVE - Math.max(0, reserveSize - 1) : 0;
  }
}
