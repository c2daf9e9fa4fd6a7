package io.loyalty.server.internal;

import static io.loyalty.server.internal.ServerApp.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.loyalty.core.CardSummary;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.BalanceChange;
import io.loyalty.json.PointsTransfer;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.json.WireInputException;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The loyalty endpoints of Voucherify's v1 map (digest section 11): campaigns, earning rules, members and their points,
 * rewards and assignments, redemption and rollback, tiers (the lists are served by {@link ListRoutes}). Every body goes through
 * {@link VoucherifyJson}; every body is read completely before the engine is called, so a refused request writes
 * nothing.
 */
final class LoyaltyRoutes {
  private static final ObjectMapper TREES = new ObjectMapper();

  private final LoyaltyEngine engine;
  private final LoyaltyStore store;
  private final VoucherifyJson wire;
  private final Ids ids;
  private final HostRoutes host;

  LoyaltyRoutes(LoyaltyEngine engine, LoyaltyStore store, VoucherifyJson wire, Ids ids, HostRoutes host) {
    this.host = host;
    this.engine = engine;
    this.store = store;
    this.wire = wire;
    this.ids = ids;
  }

  void register(RoutesConfig r) {
    // campaigns
    r.post("/v1/loyalties", this::createCampaign);
    r.get("/v1/loyalties/{c}", ctx -> ok(ctx, wire.write(program(ctx))));
    r.put("/v1/loyalties/{c}", this::updateCampaign);
    // earning rules
    r.post("/v1/loyalties/{c}/earning-rules", this::createRules);
    r.get("/v1/loyalties/{c}/earning-rules/{e}", ctx -> {
      Program p = program(ctx);
      ok(ctx, wire.write(rule(p, ctx.pathParam("e")), p.id()));
    });
    r.put("/v1/loyalties/{c}/earning-rules/{e}", this::updateRule);
    r.delete("/v1/loyalties/{c}/earning-rules/{e}", ctx -> {
      Program p = program(ctx);
      EarningRule gone = rule(p, ctx.pathParam("e"));
      List<EarningRule> rules = new ArrayList<>(p.earningRules());
      rules.remove(gone);
      engine.define(p.toBuilder().earningRules(rules).build(), p.version());
      ctx.status(204);
    });
    r.post("/v1/loyalties/{c}/earning-rules/{e}/enable", ctx -> switchRule(ctx, true));
    r.post("/v1/loyalties/{c}/earning-rules/{e}/disable", ctx -> switchRule(ctx, false));
    // members
    r.post("/v1/loyalties/{c}/members", this::addMember);
    r.get("/v1/loyalties/{c}/members/{m}", ctx -> ok(ctx, cardJson(member(ctx))));
    r.get("/v1/loyalties/members/{m}", ctx -> ok(ctx, cardJson(member(ctx))));
    for (String base : List.of("/v1/loyalties/{c}/members/{m}", "/v1/loyalties/members/{m}")) {
      r.post(base + "/balance", this::balance);
      r.post(base + "/redemption", this::redeem);
      r.get(base + "/rewards", this::memberRewards);
      r.get(base + "/tiers", ctx -> {
        Card card = member(ctx);
        List<Tier> tiers = engine.tier(card.code()).map(List::of).orElse(List.of());
        ok(ctx, wire.writeTiers(tiers, card.program()));
      });
      r.post(base + "/pending-points/{p}/activate", ctx -> {
        Card card = member(ctx);
        LedgerEntry entry = engine.activatePendingPoints(card.code(), lot(ctx, card));
        ok(ctx, wire.writeBalance(entry, engine.summary(card.code())));
      });
      r.post(base + "/pending-points/{p}/balance", ctx -> {
        Card card = member(ctx);
        BalanceChange change = wire.readBalanceChange(ctx.body());
        long lotId = lot(ctx, card);
        LedgerEntry entry = engine.adjustPendingPoints(card.code(), lotId, change.points(), change.reason());
        ok(ctx, wire.writeBalance(entry, engine.summary(card.code())));
      });
      r.post(base + "/pending-points/{p}/cancel", ctx -> {
        Card card = member(ctx);
        engine.cancelPendingPoints(card.code(), lot(ctx, card), "canceled over the API");
        ctx.status(204);
      });
    }
    r.post("/v1/loyalties/{c}/members/{m}/transfers", this::transfer);
    // rewards and assignments
    r.post("/v1/rewards", ctx -> {
      Reward reward = wire.readReward(ctx.body(), RewardId.of(ids.next("rew_")));
      ok(ctx, wire.write(engine.defineReward(reward)));
    });
    r.get("/v1/rewards/{r}", ctx -> ok(ctx, wire.write(engine.reward(RewardId.of(ctx.pathParam("r"))))));
    r.put("/v1/rewards/{r}", ctx -> {
      Reward current = engine.reward(RewardId.of(ctx.pathParam("r")));
      Reward updated = wire.readReward(overlay(wire.write(current), ctx.body()), current.id());
      ok(ctx, wire.write(engine.defineReward(updated, current.version())));
    });
    r.delete("/v1/rewards/{r}", ctx -> {
      engine.deleteReward(RewardId.of(ctx.pathParam("r")));
      ctx.status(204);
    });
    r.post("/v1/rewards/{r}/assignments", this::assignReward);
    r.post("/v1/loyalties/{c}/rewards", this::assignRewards);
    r.get("/v1/loyalties/{c}/rewards/{a}", ctx -> {
      Program p = program(ctx);
      ok(ctx, wire.write(assignment(p, ctx.pathParam("a")), p.id()));
    });
    r.get("/v1/loyalties/{c}/reward-assignments/{a}", ctx -> {
      Program p = program(ctx);
      ok(ctx, wire.write(assignment(p, ctx.pathParam("a")), p.id()));
    });
    r.get("/v1/loyalties/{c}/reward-assignments/{a}/reward", ctx -> {
      Program p = program(ctx);
      ok(ctx, wire.write(engine.reward(assignment(p, ctx.pathParam("a")).reward())));
    });
    r.delete("/v1/loyalties/{c}/rewards/{a}", ctx -> {
      Program p = program(ctx);
      engine.unassignReward(p.id(), assignment(p, ctx.pathParam("a")).id());
      ctx.status(204);
    });
    r.post("/v1/redemptions/{r}/rollback", this::rollback);
    r.post("/v1/loyalties/{c}/qualifications", ctx -> {
      Program p = program(ctx);
      ok(ctx, host.estimate(p, ctx.body()));
    });
    // tiers
    r.post("/v1/loyalties/{c}/tiers", this::createTiers);
    r.get("/v1/loyalties/{c}/tiers/{t}", ctx -> {
      Program p = program(ctx);
      String id = ctx.pathParam("t");
      Tier tier = p.tiers().stream().filter(t -> t.id().value().equals(id)).findFirst()
          .orElseThrow(() -> new NotFoundException("loyalty_tier", id));
      ok(ctx, wire.write(tier, p.id()));
    });
  }

  // ---- campaigns and rules ----

  private void createCampaign(Context ctx) {
    Program program = wire.readProgram(ctx.body(), ProgramId.of(ids.next("camp_")));
    // Voucherify refuses a second campaign of the same name (409); a campaign path may name it
    if (store.programs().stream().anyMatch(p -> p.name().equals(program.name()))) {
      ServerApp.answer(ctx, wire.error(409, "duplicate_found", "a campaign with this name already exists",
          ServerApp.requestId(ctx)));
      return;
    }
    ok(ctx, wire.write(engine.define(program, 0)));
  }

  private void updateCampaign(Context ctx) {
    Program current = program(ctx);
    Program read = wire.readProgram(overlay(wire.write(current), ctx.body()), current.id());
    Program updated = read.toBuilder().earningRules(current.earningRules()).tiers(current.tiers())
        .rewards(current.rewards()).tierPolicy(current.tierPolicy()).zone(current.zone())
        .refundPolicy(current.refundPolicy()).redemptionCondition(current.redemptionCondition()).build();
    ok(ctx, wire.write(engine.define(updated, current.version())));
  }

  private void createRules(Context ctx) {
    Program p = program(ctx);
    List<EarningRule> added = wire.readEarningRules(ctx.body(), () -> RuleId.of(ids.next("ern_")));
    List<EarningRule> rules = new ArrayList<>(p.earningRules());
    rules.addAll(added);
    Program stored = engine.define(p.toBuilder().earningRules(rules).build(), p.version());
    // Voucherify answers the created rules as an array
    ok(ctx, array(added.stream().map(e -> wire.write(e, stored.id())).toList()));
  }

  private void updateRule(Context ctx) {
    Program p = program(ctx);
    EarningRule current = rule(p, ctx.pathParam("e"));
    EarningRule updated = wire.readEarningRule(overlay(wire.write(current, p.id()), ctx.body()), current.id());
    replaceRule(ctx, p, current, r -> updated);
  }

  private void switchRule(Context ctx, boolean active) {
    Program p = program(ctx);
    EarningRule current = rule(p, ctx.pathParam("e"));
    replaceRule(ctx, p, current, r -> r.toBuilder().active(active).build());
  }

  private void replaceRule(Context ctx, Program p, EarningRule current, UnaryOperator<EarningRule> change) {
    EarningRule updated = change.apply(current);
    List<EarningRule> rules = new ArrayList<>(p.earningRules());
    rules.set(rules.indexOf(current), updated);
    Program stored = engine.define(p.toBuilder().earningRules(rules).build(), p.version());
    ok(ctx, wire.write(updated, stored.id()));
  }

  // ---- members ----

  private void addMember(Context ctx) {
    Program p = program(ctx);
    JsonNode body = tree(ctx.body());
    String text = ctx.body();
    if (body instanceof ObjectNode object) {
      host.normalizeCustomer(object);
      text = object.toString();
    }
    var request = wire.readMember(text);
    CardCode code = request.code();
    Card card = code == null ? engine.enrol(p.id(), request.customer().id())
        : engine.enrol(p.id(), request.customer().id(), code);
    host.remember(request.customer(), body.get("customer"));
    ok(ctx, wire.writeCard(card, engine.summary(card.code()), p));
  }

  private void balance(Context ctx) {
    Card card = member(ctx);
    BalanceChange change = wire.readBalanceChange(ctx.body());
    LedgerEntry entry = change.points() > 0
        ? engine.addPoints(card.code(), change.points(), change.expiry(), change.reason(), change.sourceId())
        : engine.removePoints(card.code(), Math.negateExact(change.points()), change.reason(), change.sourceId());
    ok(ctx, wire.writeBalance(entry, engine.summary(card.code())));
  }

  private void transfer(Context ctx) {
    Card destination = member(ctx);
    List<PointsTransfer> transfers = wire.readTransfers(ctx.body());
    // every source is checked before any moves, so a body that cannot be carried out moves nothing (a concurrent
    // spend between the check and the moves can still stop a later element: the moves are one engine call each)
    java.util.Map<CardCode, Long> wanted = new java.util.HashMap<>();
    for (int i = 0; i < transfers.size(); i++) {
      PointsTransfer t = transfers.get(i);
      engine.card(t.from());
      long total = wanted.merge(t.from(), t.points(), Math::addExact);
      if (engine.balance(t.from()) < total) {
        throw new io.loyalty.core.InsufficientPointsException("[" + i + "].points: card " + t.from().value()
            + " has fewer usable points than the " + total + " asked of it");
      }
    }
    for (PointsTransfer t : transfers) {
      engine.transfer(t.from(), destination.code(), t.points(), t.reason(), t.sourceId());
    }
    ok(ctx, cardJson(engine.card(destination.code())));
  }

  private void memberRewards(Context ctx) {
    Card card = member(ctx);
    String affordable = ctx.queryParam("affordable_only");
    if (affordable != null && !affordable.equals("true") && !affordable.equals("false")) {
      throw WireInputException.of(WireInputException.Problem.INVALID_VALUE, "affordable_only", "must be true or false",
          affordable);
    }
    ok(ctx, wire.writeMemberRewards(engine.rewards(card.code(), "true".equals(affordable)), card.program()));
  }

  // ---- rewards, redemption, tiers ----

  private void assignRewards(Context ctx) {
    Program p = program(ctx);
    List<RewardAssignment> added = wire.readRewardAssignments(ctx.body(), () -> AssignmentId.of(ids.next("rewa_")));
    for (RewardAssignment a : added) {
      engine.reward(a.reward());
    }
    List<RewardAssignment> rewards = new ArrayList<>(p.rewards());
    rewards.addAll(added);
    Program stored = engine.define(p.toBuilder().rewards(rewards).build(), p.version());
    // Voucherify reads one assignment back from an array request (its SDKs' RewardAssignmentResponse)
    ok(ctx, added.isEmpty() ? array(List.of()) : wire.write(added.get(0), stored.id()));
  }

  /** Voucherify's other way to assign: {@code POST /v1/rewards/{rewardId}/assignments {campaign, parameters}}. */
  private void assignReward(Context ctx) {
    Reward reward = engine.reward(RewardId.of(ctx.pathParam("r")));
    JsonNode body = tree(ctx.body());
    if (!(body instanceof ObjectNode object)) {
      // not an object: the wire's reader says what is wrong with it
      wire.readRewardAssignment(ctx.body(), AssignmentId.of("rewa_check"));
      throw new IllegalStateException("the wire accepted a body that is not an object");
    }
    JsonNode campaign = object.remove("campaign");
    if (campaign == null || !campaign.isTextual()) {
      throw WireInputException.of(WireInputException.Problem.MISSING_VALUE, "campaign", "is required, the campaign's id",
          null);
    }
    object.put("reward", reward.id().value());
    RewardAssignment added = wire.readRewardAssignment(object.toString(), AssignmentId.of(ids.next("rewa_")));
    Program p = programOf(campaign.asText());
    List<RewardAssignment> rewards = new ArrayList<>(p.rewards());
    rewards.add(added);
    Program stored = engine.define(p.toBuilder().rewards(rewards).build(), p.version());
    ok(ctx, wire.write(added, stored.id()));
  }

  private void redeem(Context ctx) {
    Card card = member(ctx);
    Program p = engine.program(card.program());
    var request = wire.readRedeemRequest(ctx.body(), RedemptionId.of(ids.next("r_")), card.code(), p);
    Redemption redemption = engine.redeem(request);
    Reward reward = engine.reward(redemption.reward());
    if (redemption.status() == Redemption.Status.FAILED) {
      // Voucherify answers a failed redemption with its error object; the attempt is kept as a failed redemption
      String key = redemption.failureCode() == null ? "redemption_rules_violated" : redemption.failureCode();
      ServerApp.answer(ctx, wire.error(400, key, redemption.failureMessage(), ServerApp.requestId(ctx)));
      return;
    }
    Card after = engine.card(card.code());
    ok(ctx, wire.write(redemption, reward, after, engine.summary(card.code()), p));
  }

  private void rollback(Context ctx) {
    // the reason as a query parameter (v1's reference) or in the body (Voucherify's current client sends
    // {reason, tracking_id, customer, order, metadata}; the rest is not kept)
    JsonNode body = ctx.body().isBlank() ? TREES.missingNode() : tree(ctx.body());
    if (!ctx.body().isBlank() && !body.isObject()) {
      throw WireInputException.of(WireInputException.Problem.MALFORMED_JSON, "", "the body must be a JSON object", null);
    }
    String fromBody = body.path("reason").isTextual() ? body.get("reason").asText() : null;
    String reason = Optional.ofNullable(ctx.queryParam("reason")).orElse(fromBody == null ? "" : fromBody);
    Redemption rolled = engine.rollback(RedemptionId.of(ctx.pathParam("r")), reason);
    Card card = engine.card(rolled.card());
    ok(ctx, wire.writeRollback(rolled, engine.reward(rolled.reward()), card, engine.summary(card.code()),
        engine.program(rolled.program())));
  }

  private void createTiers(Context ctx) {
    Program p = program(ctx);
    List<Tier> added = wire.readTiers(ctx.body(), () -> TierId.of(ids.next("ltr_")));
    List<Tier> tiers = new ArrayList<>(p.tiers());
    tiers.addAll(added);
    Program stored = engine.define(p.toBuilder().tiers(tiers).build(), p.version());
    ok(ctx, array(added.stream().map(t -> wire.write(t, stored.id())).toList()));
  }

  // ---- lookups ----

  /** The path's campaign, by id or by (URL-decoded) name, as Voucherify accepts either. */
  Program program(Context ctx) {
    return programOf(ctx.pathParam("c"));
  }

  private Program programOf(String key) {
    Optional<Program> byId = Optional.empty();
    try {
      byId = store.program(ProgramId.of(key));
    } catch (LoyaltyException e) {
      // not an id's form: try it as a name
    }
    return byId.or(() -> store.programs().stream().filter(p -> p.name().equals(key)).findFirst())
        .orElseThrow(() -> new NotFoundException("campaign", key));
  }

  /** The path's member card; with a campaign in the path, it must be that campaign's. */
  Card member(Context ctx) {
    Card card = engine.card(CardCode.of(ctx.pathParam("m")));
    if (ctx.pathParamMap().containsKey("c") && !card.program().equals(program(ctx).id())) {
      throw new NotFoundException("voucher", card.code().value());
    }
    return card;
  }

  private static EarningRule rule(Program p, String id) {
    return p.earningRules().stream().filter(e -> e.id().value().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("earning_rule", id));
  }

  private static RewardAssignment assignment(Program p, String id) {
    return p.rewards().stream().filter(a -> a.id().value().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("reward_assignment", id));
  }

  /** A pending entry's id as the wire writes it, {@code <code>:<lot id>}, or the lot id alone. */
  private static long lot(Context ctx, Card card) {
    String text = ctx.pathParam("p");
    String lot = text.startsWith(card.code().value() + ":") ? text.substring(card.code().value().length() + 1) : text;
    try {
      return Long.parseLong(lot);
    } catch (NumberFormatException e) {
      throw new NotFoundException("pending_points", text);
    }
  }

  private String cardJson(Card card) {
    CardSummary summary = engine.summary(card.code());
    return wire.writeCard(card, summary, engine.program(card.program()));
  }

  /**
   * An update body laid over the resource as written: Voucherify's updates leave omitted fields unchanged. The body
   * is read strictly afterwards, so an unknown field in it is still refused with its path.
   */
  private static String overlay(String current, String update) {
    JsonNode body;
    try {
      body = TREES.readTree(update);
    } catch (java.io.IOException e) {
      // not JSON: let the wire's reader describe it
      return update;
    }
    if (body == null || !body.isObject()) {
      return update;
    }
    try {
      ObjectNode merged = (ObjectNode) TREES.readTree(current);
      body.fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
      return TREES.writeValueAsString(merged);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the wire's own output did not read back", e);
    }
  }

  /** The body as a tree, or a missing node when it is not JSON (the wire's reader then describes the problem). */
  private static JsonNode tree(String body) {
    try {
      JsonNode node = TREES.readTree(body);
      return node == null ? TREES.missingNode() : node;
    } catch (java.io.IOException e) {
      return TREES.missingNode();
    }
  }

  private static String array(List<String> items) {
    return "[" + String.join(",", items) + "]";
  }

  static void ok(Context ctx, String json) {
    ctx.status(200).contentType(JSON).result(json);
  }
}
