package io.loyalty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.core.AssignmentBatch;
import io.loyalty.core.ProgramPlan;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.ProgramStatus;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004's program create body in both reward shapes, batch bodies and member bodies. */
class V2SeedTest {
  private static final VoucherifyV2Json V2 = VoucherifyV2Json.forProject(ZoneOffset.UTC);

  private static final String SEED_004 = """
      {"name": "Seed", "start_date": "2023-11-07T05:31:56Z", "end_date": "2023-11-08T05:31:56Z", "metadata": {},
       "card_definitions": [{"id": "lcdef_1"}], "earning_rules": [{"id": "lern_1"}],
       "rewards": [{"id": "lrew_1", "costs": [{"spending": [{"points": 1073741824, "card_definition_id": "lcdef_1"}]}],
                    "stock": 1073741823}]}""";

  @Test
  @DisplayName("seed 004's older reward shape: the assignment's costs and plain stock are the offer's")
  void olderShape() {
    ProgramPlan plan = V2.readProgram(SEED_004, ProgramId.of("lprg_1"));
    assertThat(plan.status()).isEqualTo(ProgramStatus.DRAFT);
    assertThat(plan.cardDefinitions()).containsExactly(WalletId.of("lcdef_1"));
    ProgramPlan.Offer offer = plan.rewards().get(0);
    assertThat(offer.reward()).isEqualTo(RewardId.of("lrew_1"));
    assertThat(offer.stock()).isEqualTo(1073741823L);
    assertThat(offer.costs().get(0).points()).isEqualTo(1073741824L);
    assertThat(offer.costs().get(0).wallet()).isEqualTo(WalletId.of("lcdef_1"));
    assertThat(plan.validity().startDate()).hasToString("2023-11-07T05:31:56Z");
  }

  @Test
  @DisplayName("the OpenAPI's current shape: no costs (the reward's own) and a LIMITED stock object")
  void currentShape() {
    ProgramPlan plan = V2.readProgram("""
        {"name": "Now", "status": "ACTIVE", "card_definitions": [{"id": "lcdef_1"}],
         "rewards": [{"id": "lrew_1", "stock": {"type": "LIMITED", "limited": {"quantity": 7}}},
                     {"id": "lrew_2", "stock": {"type": "UNLIMITED"}}]}""", ProgramId.of("lprg_1"));
    assertThat(plan.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(plan.rewards().get(0).costs()).isEmpty();
    assertThat(plan.rewards().get(0).stock()).isEqualTo(7L);
    assertThat(plan.rewards().get(1).stock()).isNull();
  }

  @Test
  @DisplayName("tier structures, an unknown field and an unknown status are refused with their paths")
  void refusals() {
    assertThatThrownBy(() -> V2.readProgram("{\"name\": \"T\", \"tier_structures\": [{\"id\": \"lts_1\"}]}",
        ProgramId.of("lprg_1"))).isInstanceOfSatisfying(WireInputException.class, e -> {
          assertThat(e.problem()).isEqualTo(WireInputException.Problem.NOT_SUPPORTED);
          assertThat(e.violations().get(0).path()).isEqualTo("tier_structures");
        });
    assertThatThrownBy(() -> V2.readProgram("{\"name\": \"T\", \"rewards\": [{\"id\": \"lrew_1\", \"stok\": 1}]}",
        ProgramId.of("lprg_1"))).isInstanceOfSatisfying(WireInputException.class,
            e -> assertThat(e.violations().get(0).path()).isEqualTo("rewards[0].stok"));
    assertThatThrownBy(() -> V2.readProgram("{\"name\": \"T\", \"status\": \"INACTIVE\"}", ProgramId.of("lprg_1")))
        .isInstanceOfSatisfying(WireInputException.class,
            e -> assertThat(e.problem()).isEqualTo(WireInputException.Problem.UNKNOWN_ENUM_VALUE));
  }

  @Test
  @DisplayName("a rewards batch assigns offers and unassigns ids; a card definition batch takes ids")
  void batches() {
    AssignmentBatch rewards = V2.readBatch("{\"assign\": [{\"id\": \"lrew_2\", \"stock\": {\"type\": \"UNLIMITED\"}}], "
        + "\"unassign\": [{\"id\": \"lrew_1\"}]}", AssignmentBatch.Target.REWARDS);
    assertThat(rewards.offers()).extracting(ProgramPlan.Offer::reward).containsExactly(RewardId.of("lrew_2"));
    assertThat(rewards.unassign()).containsExactly("lrew_1");
    AssignmentBatch cards = V2.readBatch("{\"assign\": [{\"id\": \"lcdef_2\"}]}", AssignmentBatch.Target.CARD_DEFINITIONS);
    assertThat(cards.assign()).containsExactly("lcdef_2");
    assertThatThrownBy(() -> V2.readBatch("{\"assign\": [{}]}", AssignmentBatch.Target.EARNING_RULES))
        .isInstanceOfSatisfying(WireInputException.class,
            e -> assertThat(e.violations().get(0).path()).isEqualTo("assign[0].id"));
  }

  @Test
  @DisplayName("a member body names its customer by id or by source id, ACTIVE by default")
  void members() {
    var byId = V2.readMember("{\"customer_identification\": {\"type\": \"customer_id\", \"customer_id\": \"cust_1\"}}");
    assertThat(byId).isEqualTo(new VoucherifyV2Json.MemberCreate("cust_1", false, true));
    var bySource = V2.readMember("{\"customer_identification\": {\"type\": \"customer_source_id\", "
        + "\"customer_source_id\": \"kim\"}, \"status\": \"INACTIVE\"}");
    assertThat(bySource).isEqualTo(new VoucherifyV2Json.MemberCreate("kim", true, false));
    assertThatThrownBy(() -> V2.readMember("{\"customer_identification\": {\"type\": \"email\"}}"))
        .isInstanceOfSatisfying(WireInputException.class,
            e -> assertThat(e.violations().get(0).path()).isEqualTo("customer_identification.type"));
  }
}
