package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.Pool;
import io.loyalty.core.internal.decide.Reads;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.core.internal.load.Enrolment;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A redemption's lookups answered from the store and the host's ports as the decision asks: what the manual paths
 * (a redemption or rollback by hand, a manual write's auto-redeem) use until they gather a read set as events do.
 * Thread-safe.
 */
final class StoreReads implements Reads {
  private final LoyaltyStore store;
  private final Enrolment enrolment;
  private final ValidationRules rules;
  private final ProductCollections collections;

  StoreReads(LoyaltyStore store, Enrolment enrolment, ValidationRules rules, ProductCollections collections) {
    this.store = store;
    this.enrolment = enrolment;
    this.rules = rules;
    this.collections = collections;
  }

  @Override
  public @Nullable Reward reward(RewardId id) {
    return store.reward(id).orElse(null);
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    return store.redemptions(card);
  }

  @Override
  public @Nullable Program program(ProgramId id) {
    return store.program(id).orElse(null);
  }

  @Override
  public @Nullable Card cardOf(ProgramId program, CustomerId holder) {
    return store.cardOf(program, holder).orElse(null);
  }

  @Override
  public @Nullable Card card(CardCode code) {
    return store.card(code).orElse(null);
  }

  @Override
  public Pool pool(Program program, CustomerId customer, Instant at) {
    return enrolment.pool(program, customer, at);
  }

  @Override
  public Answers answers() {
    return HostAnswering.recording(rules, collections);
  }
}
