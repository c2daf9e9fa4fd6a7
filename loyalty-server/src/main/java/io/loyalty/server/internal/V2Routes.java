package io.loyalty.server.internal;

import static io.loyalty.server.internal.LoyaltyRoutes.ok;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.loyalty.core.AssignmentBatch;
import io.loyalty.core.AssignmentResult;
import io.loyalty.core.CardSummary;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.ProgramPlan;
import io.loyalty.core.RewardExamination;
import io.loyalty.json.VoucherifyV2Json;
import io.loyalty.json.VoucherifyV2Json.ComponentRequest;
import io.loyalty.json.VoucherifyV2Json.MemberCreate;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.StoredComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Voucherify's loyalty v2 endpoints ({@code /v2/loyalties}): card definitions and earning rules as components with
 * their statuses, programs assembled from them, assignment batches, members and their cards. Bodies go through
 * {@link VoucherifyV2Json}; each is read whole before the engine is called, so a refused request writes nothing.
 */
final class V2Routes {
  private static final int STORE_PAGE = 1_000;
  private final LoyaltyEngine engine;
  private final LoyaltyStore store;
  private final VoucherifyV2Json wire;
  private final Ids ids;
  private final HostCatalog host;
  private final Clock clock;

  V2Routes(LoyaltyEngine engine, LoyaltyStore store, VoucherifyV2Json wire, Ids ids, HostCatalog host, Clock clock) {
    this.engine = engine;
    this.store = store;
    this.wire = wire;
    this.ids = ids;
    this.host = host;
    this.clock = clock;
  }

  void register(RoutesConfig r) {
    String cd = "/v2/loyalties/card-definitions";
    r.post(cd, ctx -> {
      WalletId id = WalletId.of(hexId("lcdef_"));
      ComponentRequest<CardDefinition> req = wire.readCardDefinition(ctx.body(), id);
      create(ctx, req.component(), req.status());
    });
    r.get(cd, ctx -> list(ctx, ComponentKind.CARD_DEFINITION));
    r.get(cd + "/{id}", ctx -> ok(ctx, wire.write(component(ComponentKind.CARD_DEFINITION, ctx))));
    r.put(cd + "/{id}", ctx -> {
      StoredComponent current = component(ComponentKind.CARD_DEFINITION, ctx);
      CardDefinition next = wire.readCardDefinition(ctx.body(), WalletId.of(ctx.pathParam("id"))).component();
      ok(ctx, wire.write(engine.components().define(next, current.version())));
    });
    r.delete(cd + "/{id}", ctx -> {
      engine.components().delete(ComponentKind.CARD_DEFINITION, component(ComponentKind.CARD_DEFINITION, ctx)
          .component().componentId());
      ctx.status(204);
    });
    r.post(cd + "/{id}/activate", ctx -> ok(ctx, wire.write(engine.components().activate(
        ComponentKind.CARD_DEFINITION, component(ComponentKind.CARD_DEFINITION, ctx).component().componentId()))));
    r.post(cd + "/{id}/draft", ctx -> ok(ctx, wire.write(engine.components().draft(
        component(ComponentKind.CARD_DEFINITION, ctx).component().componentId()))));

    String er = "/v2/loyalties/earning-rules";
    r.post(er, ctx -> {
      RuleId id = RuleId.of(hexId("lern_"));
      ComponentRequest<FirstMatchRule> req = wire.readEarningRule(ctx.body(), id, schemaNames());
      create(ctx, req.component(), req.status());
    });
    r.get(er, ctx -> list(ctx, ComponentKind.EARNING_RULE));
    r.get(er + "/{id}", ctx -> ok(ctx, wire.write(component(ComponentKind.EARNING_RULE, ctx))));
    r.put(er + "/{id}", ctx -> {
      StoredComponent current = component(ComponentKind.EARNING_RULE, ctx);
      FirstMatchRule next = wire.readEarningRule(ctx.body(), RuleId.of(ctx.pathParam("id")), schemaNames()).component();
      ok(ctx, wire.write(engine.components().define(next, current.version())));
    });
    r.delete(er + "/{id}", ctx -> {
      engine.components().delete(ComponentKind.EARNING_RULE, component(ComponentKind.EARNING_RULE, ctx)
          .component().componentId());
      ctx.status(204);
    });
    r.post(er + "/{id}/activate", ctx -> ok(ctx, wire.write(engine.components().activate(
        ComponentKind.EARNING_RULE, component(ComponentKind.EARNING_RULE, ctx).component().componentId()))));
    r.post(er + "/{id}/deactivate", ctx -> ok(ctx, wire.write(engine.components().deactivate(
        component(ComponentKind.EARNING_RULE, ctx).component().componentId()))));
    r.post(er + "/{id}/draft", ctx -> ok(ctx, wire.write(engine.components().draft(ComponentKind.EARNING_RULE,
        component(ComponentKind.EARNING_RULE, ctx).component().componentId()))));

    String pr = "/v2/loyalties/programs";
    r.post(pr, ctx -> {
      ProgramPlan plan = wire.readProgram(ctx.body(), ProgramId.of(hexId("lprg_")));
      Program created = engine.components().createProgram(plan);
      ok(ctx, wire.writeProgram(created, clock.instant(), clock.instant(), stocks()));
    });
    r.get(pr, ctx -> {
      List<Program> all = store.programs().stream().filter(p -> !p.wallets().isEmpty()).toList();
      Page<Program> page = page(ctx, all, p -> p.id().value());
      ok(ctx, wire.writePrograms(page.items, stocks(), page.next));
    });
    r.get(pr + "/{p}", ctx -> ok(ctx, wire.writeProgram(program(ctx), null, null, stocks())));
    r.delete(pr + "/{p}", ctx -> {
      engine.deleteProgram(program(ctx).id());
      ctx.status(204);
    });
    r.post(pr + "/{p}/activate", ctx -> ok(ctx, wire.writeProgram(engine.activateProgram(program(ctx).id()), null,
        clock.instant(), stocks())));
    r.post(pr + "/{p}/deactivate", ctx -> ok(ctx, wire.writeProgram(engine.deactivateProgram(program(ctx).id()), null,
        clock.instant(), stocks())));
    Map<String, AssignmentBatch.Target> targets = new LinkedHashMap<>();
    targets.put("card-definitions", AssignmentBatch.Target.CARD_DEFINITIONS);
    targets.put("earning-rules", AssignmentBatch.Target.EARNING_RULES);
    targets.put("rewards", AssignmentBatch.Target.REWARDS);
    targets.forEach((path, target) -> {
      r.post(pr + "/{p}/" + path + "/batch", ctx -> {
        Program program = program(ctx);
        AssignmentBatch batch = wire.readBatch(ctx.body(), target);
        AssignmentResult result = engine.components().assign(program.id(), batch);
        ok(ctx, wire.writeBatch(batch, result, clock.instant(), stocks()));
      });
      r.get(pr + "/{p}/" + path, ctx -> assigned(ctx, target));
    });

    r.post(pr + "/{p}/members", this::addMember);
    r.get(pr + "/{p}/members", this::members);
    r.get(pr + "/{p}/members/{m}", ctx -> {
      Program program = program(ctx);
      CustomerId customer = memberCustomer(program, ctx.pathParam("m"));
      ok(ctx, member(program, customer, engine.cardsOf(program.id(), customer)));
    });
    r.post(pr + "/{p}/members/{m}/rewards/purchases", ctx -> {
      Program program = program(ctx);
      String memberId = ctx.pathParam("m");
      CustomerId customer = memberCustomer(program, memberId);
      VoucherifyV2Json.PurchaseRequest req = wire.readPurchase(ctx.body());
      if (req.dryRun()) {
        RewardExamination e = engine.examineRewards(program.id(), customer, null).stream()
            .filter(x -> x.reward().value().equals(req.rewardId())).findFirst()
            .orElseThrow(() -> new NotFoundException("reward", req.rewardId()));
        CardCode card = e.wallet() == null ? null : engine.cardsOf(program.id(), customer).stream()
            .filter(c -> c.wallet().equals(e.wallet())).map(Card::code).findFirst().orElse(null);
        ok(ctx, wire.writeDryRun(e, program.id(), memberId, card));
        return;
      }
      Redemption purchase = engine.purchase(RedemptionId.of("lrtx_" + ids.hex(24)), program.id(), customer,
          AssignmentId.of(req.rewardId()));
      if (purchase.status() == Redemption.Status.FAILED) {
        // the attempt is kept as a failed redemption that took nothing, as on v1
        String key = purchase.failureCode() == null ? "redemption_rules_violated" : purchase.failureCode();
        throw new ServerApp.Refused(400, key, purchase.failureMessage());
      }
      ok(ctx, wire.writePurchase(purchase, memberId));
    });
    r.post(pr + "/{p}/members/{m}/activate", ctx -> switchMember(ctx, true));
    r.post(pr + "/{p}/members/{m}/deactivate", ctx -> switchMember(ctx, false));
  }

  private void create(Context ctx, io.loyalty.spi.program.Component component, ComponentStatus status) {
    StoredComponent stored = engine.components().define(component);
    if (status == ComponentStatus.ACTIVE) {
      stored = engine.components().activate(component.kind(), component.componentId());
    }
    ok(ctx, wire.write(stored));
  }

  private Function<String, @Nullable String> schemaNames() {
    return id -> {
      try {
        return host.byId(SchemaId.of(id)).map(s -> s.eventName()).orElse(null);
      } catch (RuntimeException e) {
        return null;
      }
    };
  }

  private StoredComponent component(ComponentKind kind, Context ctx) {
    return engine.components().get(kind, ctx.pathParam("id"));
  }

  private void list(Context ctx, ComponentKind kind) {
    Page<StoredComponent> page = page(ctx, engine.components().list(kind), s -> s.component().componentId());
    ok(ctx, wire.writeComponents(page.items, page.next));
  }

  private Program program(Context ctx) {
    Program p = engine.program(ProgramId.of(ctx.pathParam("p")));
    if (p.wallets().isEmpty()) {
      // a v1 campaign is not a v2 program
      throw new NotFoundException("program", p.id());
    }
    return p;
  }

  private Map<RewardId, @Nullable Long> stocks() {
    Map<RewardId, @Nullable Long> out = new HashMap<>();
    for (Reward r : store.rewards()) {
      out.put(r.id(), r.stock());
    }
    return out;
  }

  private void assigned(Context ctx, AssignmentBatch.Target target) {
    Program program = program(ctx);
    List<String> items = new ArrayList<>();
    switch (target) {
      case CARD_DEFINITIONS -> program.wallets().forEach(w -> items.add(
          "{\"card_type\":\"INDIVIDUAL\",\"card_definition_id\":" + quote(w.id().value())
              + ",\"object\":\"program_card_definition\"}"));
      case EARNING_RULES -> program.firstMatchRules().forEach(f -> items.add(
          "{\"earning_rule_id\":" + quote(f.id().value()) + ",\"object\":\"program_earning_rule\"}"));
      case REWARDS -> {
        Map<RewardId, @Nullable Long> stocks = stocks();
        program.walletRewards().forEach(w -> {
          Long stock = stocks.get(w.reward());
          items.add("{\"reward_id\":" + quote(w.reward().value()) + ",\"stock\":" + (stock == null
              ? "{\"type\":\"UNLIMITED\",\"limited\":null}" : "{\"type\":\"LIMITED\",\"limited\":{\"quantity\":" + stock
              + "}}") + ",\"object\":\"program_reward\"}");
        });
      }
    }
    ok(ctx, wire.writeList(items, null));
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  // ---- members ----

  private void addMember(Context ctx) {
    Program program = program(ctx);
    MemberCreate req = wire.readMember(ctx.body());
    HostCatalog.StoredCustomer customer = host.customer(req.customer()).orElseThrow(
        () -> new NotFoundException("customer", req.customer().startsWith("cust_") && !req.bySourceId()
            ? req.customer() : "(given)"));
    CustomerId id = customer.customer().id();
    // an INACTIVE member's cards are made switched off, in the one commit that adds the member
    List<Card> cards = engine.addMember(program.id(), id,
        req.active() ? io.loyalty.spi.card.MemberStatus.ACTIVE : io.loyalty.spi.card.MemberStatus.INACTIVE,
        io.loyalty.spi.Metadata.EMPTY);
    ok(ctx, member(program, id, cards));
  }

  private void switchMember(Context ctx, boolean active) {
    Program program = program(ctx);
    CustomerId customer = memberCustomer(program, ctx.pathParam("m"));
    ok(ctx, member(program, customer, engine.setMemberActive(program.id(), customer, active)));
  }

  private String member(Program program, CustomerId customer, List<Card> cards) {
    Map<CardCode, CardSummary> summaries = new HashMap<>();
    for (Card c : cards) {
      summaries.put(c.code(), engine.summary(c.code(), clock.instant()));
    }
    String customerId = host.customer(customer.value()).map(HostCatalog.StoredCustomer::id).orElse(customer.value());
    return wire.writeMember(memberId(program.id(), customer), customerId, program.id(), cards, summaries);
  }

  /**
   * The member id: {@code lmbr_} and the first 24 hex digits of SHA-256 over the program and customer ids. Stable
   * (the same member has the same id on every server over the same store), and it names no customer.
   */
  static String memberId(ProgramId program, CustomerId customer) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          (program.value() + "\u0000" + customer.value()).getBytes(StandardCharsets.UTF_8));
      return "lmbr_" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }

  /** Every member (holder) of the program, in card order, each once. */
  private List<CustomerId> holders(Program program) {
    LinkedHashMap<CustomerId, Boolean> seen = new LinkedHashMap<>();
    String after = "";
    for (List<Card> page = store.cards(program.id(), after, STORE_PAGE); !page.isEmpty();
        page = store.cards(program.id(), after, STORE_PAGE)) {
      for (Card c : page) {
        if (c.holder() != null) {
          seen.putIfAbsent(c.holder(), Boolean.TRUE);
        }
      }
      after = page.get(page.size() - 1).code().value();
    }
    return new ArrayList<>(seen.keySet());
  }

  private CustomerId memberCustomer(Program program, String memberId) {
    for (CustomerId c : holders(program)) {
      if (memberId(program.id(), c).equals(memberId)) {
        return c;
      }
    }
    throw new NotFoundException("member", memberId);
  }

  private void members(Context ctx) {
    Program program = program(ctx);
    Page<CustomerId> page = page(ctx, holders(program), c -> memberId(program.id(), c));
    List<String> items = new ArrayList<>();
    for (CustomerId c : page.items) {
      items.add(member(program, c, engine.cardsOf(program.id(), c)));
    }
    ok(ctx, wire.writeList(items, page.next));
  }

  // ---- paging: v2's limit + cursor ----

  private record Page<T>(List<T> items, @Nullable String next) {}

  /**
   * One page by {@code limit} (1–100, default 10) and {@code cursor} (the {@code cursor.next} of the page before,
   * which is the last item's id of that page).
   */
  private static <T> Page<T> page(Context ctx, List<T> all, Function<T, String> id) {
    int limit = 10;
    String l = ctx.queryParam("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > 100) {
        throw new ServerApp.Refused(400, "invalid_query_params",
            "limit: must be a whole number from 1 to 100, not \"" + (l.length() > 20 ? l.substring(0, 20) : l) + "\"");
      }
    }
    int from = 0;
    String cursor = ctx.queryParam("cursor");
    if (cursor != null) {
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id.apply(all.get(i)).equals(cursor)) {
          from = i + 1;
          break;
        }
      }
      if (from < 0) {
        throw new ServerApp.Refused(400, "invalid_query_params", "cursor: names no item of this list");
      }
    }
    int to = Math.min(all.size(), from + limit);
    List<T> items = all.subList(from, to);
    String next = to < all.size() && !items.isEmpty() ? id.apply(items.get(items.size() - 1)) : null;
    return new Page<>(List.copyOf(items), next);
  }

  private String hexId(String prefix) {
    return prefix + ids.hex(24);
  }
}
