package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.core.AssignmentBatch;
import io.loyalty.core.AssignmentResult;
import io.loyalty.core.ProgramPlan;
import io.loyalty.json.internal.read.Problems;
import io.loyalty.json.internal.read.ValidationRuleReader;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.WalletReward;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * v2 programs: the create body ({@code ProgramCreateRequest}, and seed 004's older reward shape with {@code costs}
 * and a plain {@code stock}) as a {@link ProgramPlan}, assignment batch bodies as {@link AssignmentBatch}es, and the
 * program ({@code toCreateDTO}) and batch responses.
 */
public final class ProgramV2 {
  static final Set<String> FIELDS = Set.of("name", "status", "start_date", "end_date", "validity_hours", "metadata",
      "card_definitions", "earning_rules", "rewards", "tier_structures", "id", "object", "created_at", "updated_at");
  static final Map<String, ProgramStatus> STATUSES = new LinkedHashMap<>();

  static {
    STATUSES.put("DRAFT", ProgramStatus.DRAFT);
    STATUSES.put("ACTIVE", ProgramStatus.ACTIVE);
  }

  private ProgramV2() {}

  /** Reads a create body. */
  public static @Nullable ProgramPlan read(Problems p, JsonNode body, ProgramId id, ZoneId zone) {
    Obj o = Obj.open(p, "", body, FIELDS);
    if (o == null) {
      return null;
    }
    String name = o.reqText("name", 1, 200);
    ProgramStatus status = o.oneOf("status", STATUSES);
    Instant start = p.instant("start_date", o.text("start_date"));
    Instant end = p.instant("end_date", o.text("end_date"));
    Obj hours = o.obj("validity_hours", Set.of("type", "daily"));
    if (hours != null && "DAILY".equals(hours.reqOneOf("type", Expiry.table("DAILY", "ANY_TIME")))) {
      hours.notSupported("type", "DAILY validity hours on v2 programs are not supported yet", "DAILY");
    }
    var metadata = p.metadata("metadata", o.objectNode("metadata"));
    List<WalletId> cards = new ArrayList<>();
    for (String s : ids(o, "card_definitions", 10)) {
      WalletId w = p.engine("card_definitions", () -> WalletId.of(s));
      if (w != null) {
        cards.add(w);
      }
    }
    List<RuleId> rules = new ArrayList<>();
    for (String s : ids(o, "earning_rules", 10)) {
      RuleId r = p.engine("earning_rules", () -> RuleId.of(s));
      if (r != null) {
        rules.add(r);
      }
    }
    List<ProgramPlan.Offer> offers = new ArrayList<>();
    List<JsonNode> rewards = o.array("rewards", 0, 10);
    for (int i = 0; i < rewards.size(); i++) {
      ProgramPlan.Offer offer = offer(p, "rewards[" + i + "]", rewards.get(i));
      if (offer != null) {
        offers.add(offer);
      }
    }
    if (!o.array("tier_structures", 0, 10).isEmpty()) {
      o.notSupported("tier_structures", "tier structures are not supported by this engine yet", null);
    }
    if (!p.ok() || name == null) {
      return null;
    }
    Validity validity = start == null && end == null ? Validity.ALWAYS : p.engine("start_date",
        () -> Validity.between(start, end));
    if (validity == null) {
      return null;
    }
    // the builder, not the canonical constructor: the plan may gain parts (a tier structure) this wire does not set
    ProgramPlan.Builder plan = ProgramPlan.builder(id, name).status(status == null ? ProgramStatus.DRAFT : status)
        .validity(validity).zone(zone).metadata(metadata);
    cards.forEach(plan::cardDefinition);
    rules.forEach(plan::earningRule);
    offers.forEach(plan::reward);
    return plan.build();
  }

  private static List<String> ids(Obj o, String field, int max) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = o.array(field, 0, max);
    for (int i = 0; i < items.size(); i++) {
      Obj item = Obj.open(o.problems(), field + "[" + i + "]", items.get(i), Set.of("id"));
      String id = item == null ? null : item.reqText("id", 1, 200);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  /** A reward offer: {@code {id, stock?, costs?}}, stock a number (seed 004) or {@code {type, limited{quantity}}}. */
  static ProgramPlan.@Nullable Offer offer(Problems p, String at, JsonNode node) {
    Obj o = Obj.open(p, at, node, Set.of("id", "costs", "stock"));
    if (o == null) {
      return null;
    }
    String id = o.reqText("id", 1, 200);
    Long stock = null;
    JsonNode s = o.raw("stock");
    if (s != null && s.isNumber()) {
      stock = o.integer("stock", 0, Obj.MAX_SAFE);
    } else if (s != null) {
      Obj so = o.obj("stock", Set.of("type", "limited"));
      if (so != null && "LIMITED".equals(so.reqOneOf("type", Expiry.table("UNLIMITED", "LIMITED")))) {
        Obj limited = so.reqObj("limited", Set.of("quantity"));
        stock = limited == null ? null : limited.reqInteger("quantity", 0, Obj.MAX_SAFE);
      }
    }
    List<WalletReward.Cost> costs = new ArrayList<>();
    List<JsonNode> items = o.array("costs", 0, 10);
    for (int i = 0; i < items.size(); i++) {
      Obj c = Obj.open(p, o.at("costs") + "[" + i + "]", items.get(i), Set.of("rules", "spending"));
      if (c == null) {
        continue;
      }
      Condition condition = null;
      ObjectNode rules = c.objectNode("rules");
      if (rules != null) {
        condition = ValidationRuleReader.numbered(p, c.at("rules"), rules);
      }
      List<JsonNode> spending = c.array("spending", 1, 1);
      Obj sp = spending.isEmpty() ? null : Obj.open(p, c.at("spending") + "[0]", spending.get(0),
          Set.of("points", "card_definition_id"));
      if (sp == null) {
        continue;
      }
      Long points = sp.reqInteger("points", 1, Obj.MAX_SAFE);
      String wallet = sp.reqText("card_definition_id", 1, 200);
      if (points != null && wallet != null) {
        Condition cond = condition;
        WalletReward.Cost cost = p.engine(c.path(), () -> new WalletReward.Cost(cond, WalletId.of(wallet), points));
        if (cost != null) {
          costs.add(cost);
        }
      }
    }
    if (id == null) {
      return null;
    }
    Long st = stock;
    return p.engine(o.at("id"), () -> new ProgramPlan.Offer(RewardId.of(id), costs, st));
  }

  /** Reads a batch body of the target: {@code {assign: [...], unassign: [{id}]}}. */
  public static @Nullable AssignmentBatch batch(Problems p, JsonNode body, AssignmentBatch.Target target) {
    Obj o = Obj.open(p, "", body, Set.of("assign", "unassign"));
    if (o == null) {
      return null;
    }
    AssignmentBatch.Builder b = AssignmentBatch.of(target);
    for (String id : ids(o, "unassign", 10)) {
      b.unassign(id);
    }
    if (target == AssignmentBatch.Target.REWARDS) {
      List<JsonNode> items = o.array("assign", 0, 10);
      for (int i = 0; i < items.size(); i++) {
        ProgramPlan.Offer offer = offer(p, "assign[" + i + "]", items.get(i));
        if (offer != null) {
          b.assign(offer);
        }
      }
    } else {
      for (String id : ids(o, "assign", 10)) {
        b.assign(id);
      }
    }
    return p.ok() ? b.build() : null;
  }

  // ---- writing ----

  /** The program as Voucherify's {@code toCreateDTO}: its fields and the ids of what is assigned to it. */
  public static ObjectNode write(Program program, @Nullable Instant createdAt, @Nullable Instant updatedAt,
      Map<RewardId, @Nullable Long> stocks) {
    ObjectNode out = CardDefinitionV2.F.objectNode();
    out.put("id", program.id().value());
    out.put("name", program.name());
    out.put("status", program.status().name());
    out.put("start_date", V2Values.stamp(program.validity().startDate()));
    out.put("end_date", V2Values.stamp(program.validity().expirationDate()));
    out.putObject("validity_hours").put("type", "ANY_TIME");
    out.set("metadata", V2Values.metadata(program.metadata()));
    out.put("created_at", V2Values.stamp(createdAt));
    out.put("updated_at", V2Values.stamp(updatedAt));
    out.put("object", "program");
    ArrayNode cards = out.putArray("card_definitions");
    program.wallets().forEach(w -> cards.addObject().put("id", w.id().value()));
    ArrayNode rules = out.putArray("earning_rules");
    for (FirstMatchRule r : program.firstMatchRules()) {
      rules.addObject().put("id", r.id().value());
    }
    ArrayNode rewards = out.putArray("rewards");
    for (WalletReward w : program.walletRewards()) {
      ObjectNode r = rewards.addObject();
      r.put("id", w.reward().value());
      stock(r.putObject("stock"), stocks.get(w.reward()));
    }
    out.putArray("tier_structures");
    return out;
  }

  static void stock(ObjectNode out, @Nullable Long stock) {
    if (stock == null) {
      out.put("type", "UNLIMITED").putNull("limited");
    } else {
      out.put("type", "LIMITED").putObject("limited").put("quantity", stock);
    }
  }

  /** A batch response: the assigned and unassigned items of the batch as the program now has them. */
  public static ObjectNode writeBatch(AssignmentBatch batch, AssignmentResult result, Instant now,
      Map<RewardId, @Nullable Long> stocks) {
    Set<String> skipped = new java.util.HashSet<>();
    result.skipped().forEach(v -> skipped.add(v.path()));
    ObjectNode out = CardDefinitionV2.F.objectNode();
    ArrayNode assigned = out.putArray("assigned");
    ArrayNode unassigned = out.putArray("unassigned");
    List<String> assign = batch.target() == AssignmentBatch.Target.REWARDS
        ? batch.offers().stream().map(o -> o.reward().value()).toList() : batch.assign();
    for (int i = 0; i < assign.size(); i++) {
      if (!skipped.contains("assign[" + i + "]")) {
        item(assigned.addObject(), batch.target(), assign.get(i), now, stocks);
      }
    }
    for (int i = 0; i < batch.unassign().size(); i++) {
      if (!skipped.contains("unassign[" + i + "]")) {
        item(unassigned.addObject(), batch.target(), batch.unassign().get(i), now, stocks);
      }
    }
    return out;
  }

  private static void item(ObjectNode o, AssignmentBatch.Target target, String id, Instant now,
      Map<RewardId, @Nullable Long> stocks) {
    switch (target) {
      case CARD_DEFINITIONS -> {
        o.put("card_type", "INDIVIDUAL").put("card_definition_id", id).put("created_at", V2Values.stamp(now));
        o.put("object", "program_card_definition");
      }
      case EARNING_RULES -> {
        o.put("earning_rule_id", id).put("created_at", V2Values.stamp(now));
        o.put("object", "program_earning_rule");
      }
      case REWARDS -> {
        o.put("reward_id", id);
        stock(o.putObject("stock"), stocks.get(RewardId.of(id)));
        o.put("created_at", V2Values.stamp(now)).putNull("updated_at");
        o.put("object", "program_reward");
      }
    }
  }
}
