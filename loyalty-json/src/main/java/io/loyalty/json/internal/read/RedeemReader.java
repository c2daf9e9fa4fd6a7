package io.loyalty.json.internal.read;

import io.loyalty.core.MissingRewardException;
import io.loyalty.json.internal.wire.RedeemWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.RewardAssignment;
import java.util.Currency;

/** Reads a v1 reward redemption body into a {@link RedeemRequest} of a card of a program. */
public final class RedeemReader {
  private RedeemReader() {}

  /**
   * The request: Voucherify names the reward, the engine its assignment in the card's program, so the reward is
   * looked up in the program's assignments.
   *
   * @throws MissingRewardException when the body names no reward ({@code missing_reward}, as Voucherify answers)
   * @throws NotFoundException when the program offers no such reward
   */
  public static RedeemRequest read(RedeemWire w, RedemptionId id, CardCode card, Program program, Currency currency) {
    var reward = w.reward();
    if (reward == null) {
      throw new MissingRewardException();
    }
    Problems p = new Problems();
    RewardId rewardId = p.idOf("reward.id", reward.id(), RewardId::of);
    Long given = reward.points();
    Long points = given == null ? null : p.range("reward.points", given, 1, Long.MAX_VALUE);
    var wireOrder = w.order();
    Order order = wireOrder == null ? null : EventReader.order(p, "order.", wireOrder, currency);
    var metadata = p.metadata("metadata", w.metadata());
    p.done();
    RewardId wanted = p.must(rewardId);
    RewardAssignment assignment = program.rewards().stream().filter(a -> a.reward().equals(wanted)).findFirst()
        .orElseThrow(() -> new NotFoundException("reward", wanted.value()));
    return new RedeemRequest(id, card, assignment.id(), points, order, metadata, null);
  }
}
