package io.loyalty.core;

import com.google.common.testing.NullPointerTester;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every public method of the facade and its builder rejects a null it does not accept with an NPE naming it. */
class NullHandlingTest {
  static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(ProgramId.class, Fixtures.PROGRAM)
        .setDefault(CardCode.class, CardCode.of("NOPE"))
        .setDefault(CustomerId.class, CustomerId.of("c"))
        .setDefault(RewardId.class, RewardId.of("r"))
        .setDefault(RedemptionId.class, RedemptionId.of("x"))
        .setDefault(io.loyalty.spi.TierId.class, io.loyalty.spi.TierId.of("ltr_x"))
        .setDefault(io.loyalty.spi.EventId.class, io.loyalty.spi.EventId.of("e"))
        .setDefault(AssignmentId.class, AssignmentId.of("a"))
        .setDefault(AddedPointsExpiry.class, AddedPointsExpiry.on(LocalDate.of(2030, 1, 1)))
        .setDefault(Program.class, Fixtures.program())
        .setDefault(LoyaltyEvent.class, Fixtures.paid("e", Fixtures.customer("c"), "o", 100))
        .setDefault(OrderPaid.class, Fixtures.paid("e", Fixtures.customer("c"), "o", 100))
        .setDefault(RedeemRequest.class, RedeemRequest.of("x", CardCode.of("NOPE"), AssignmentId.of("a")))
        .setDefault(Reward.class, Reward.of("r", "r", new RewardKind.Material(io.loyalty.spi.ProductId.of("p"), null)))
        .setDefault(RewardAssignment.class, RewardAssignment.of("a", RewardId.of("r"), 1));
  }

  @Test
  void the_engine_rejects_nulls_by_name() {
    tester().testAllPublicInstanceMethods(Fixtures.engine().build());
  }

  @Test
  void the_builder_rejects_nulls_by_name() {
    tester().testAllPublicInstanceMethods(LoyaltyEngine.builder());
  }
}
