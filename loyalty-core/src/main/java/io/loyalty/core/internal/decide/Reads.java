package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.Answers;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a redemption's decision looks up besides the card it debits: the reward, the card's earlier redemptions (for
 * the daily limit), another program and the member's card or pool there (a LOYALTY_PROGRAM reward), and the host's
 * answers for its conditions. An event's decision answers from its read set ({@link ReadSet}), which refuses what
 * was not gathered; the manual paths answer from the store.
 */
public interface Reads {
  /** The reward, deleted or not; {@code null} when there is none. */
  @Nullable Reward reward(RewardId id);

  /** The card's redemptions, oldest first. */
  List<Redemption> redemptions(CardCode card);

  /** The latest definition of the program; {@code null} when there is none. */
  @Nullable Program program(ProgramId id);

  /** The customer's card of the program's wallet; {@code null} when they hold none. */
  @Nullable Card cardOf(ProgramId program, CustomerId holder, WalletId wallet);

  /** The card with this code; {@code null} when there is none. */
  @Nullable Card card(CardCode code);

  /** The unpublished cards a join of the customer to the program picks from, at {@code at}. */
  Pool pool(Program program, CustomerId customer, Instant at);

  /** The host's answers for a redemption's conditions. */
  Answers answers();
}
