package io.loyalty.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.core.AssignmentBatch;
import io.loyalty.core.AssignmentResult;
import io.loyalty.core.CardSummary;
import io.loyalty.core.ProgramPlan;
import io.loyalty.json.internal.read.Problems;
import io.loyalty.json.internal.read.WireJson;
import io.loyalty.json.internal.v2.CardDefinitionV2;
import io.loyalty.json.internal.v2.EarningRuleV2;
import io.loyalty.json.internal.v2.MemberV2;
import io.loyalty.json.internal.v2.Obj;
import io.loyalty.json.internal.v2.ProgramV2;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.StoredComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Voucherify's loyalty v2 JSON ({@code /v2/loyalties}) for the engine: card definitions, earning rules, programs,
 * assignment batches and members, read into the engine's records and written as Voucherify's response bodies. Reads
 * throw {@link WireInputException} naming every offending field by its path, as the v1 facade does. Immutable and
 * thread-safe.
 */
public final class VoucherifyV2Json {
  private static final ObjectMapper TREES = new ObjectMapper();
  private final WireJson json = new WireJson();
  private final ZoneId zone;

  private VoucherifyV2Json(ZoneId zone) {
    this.zone = zone;
  }

  /** The v2 wire of a project in this time zone (programs' calendar periods run in it). */
  public static VoucherifyV2Json forProject(ZoneId zone) {
    return new VoucherifyV2Json(Objects.requireNonNull(zone, "zone"));
  }

  /**
   * A component create or update body: the engine's component and the status the body asks for (DRAFT when
   * absent).
   *
   * @param component the card definition or earning rule
   * @param status the requested status, DRAFT or ACTIVE
   */
  public record ComponentRequest<T>(T component, ComponentStatus status) {}

  /**
   * A member create body.
   *
   * @param customer the customer's id as given
   * @param bySourceId whether it is a source id ({@code customer_source_id}) rather than a {@code cust_} id
   * @param active whether the member starts ACTIVE (the default) rather than INACTIVE
   */
  public record MemberCreate(String customer, boolean bySourceId, boolean active) {}

  private JsonNode tree(String body) {
    JsonNode node = json.read(body, JsonNode.class);
    if (!node.isObject()) {
      throw WireInputException.of(WireInputException.Problem.WRONG_TYPE, "$", "must be a JSON object", null);
    }
    return node;
  }

  /** Reads a {@code CardDefinitionCreateRequest} (or update) body with the id the caller gives. */
  public ComponentRequest<CardDefinition> readCardDefinition(String body, WalletId id) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    CardDefinition d = CardDefinitionV2.read(p, node, Objects.requireNonNull(id, "id"));
    ComponentStatus status = status(p, node);
    p.done();
    return new ComponentRequest<>(p.must(d), status);
  }

  /**
   * Reads an {@code EarningRuleCreateRequest} (or update) body with the id the caller gives; {@code schemaNames}
   * names the custom event of a schema id (null when the host has no such schema).
   */
  public ComponentRequest<FirstMatchRule> readEarningRule(String body, RuleId id,
      Function<String, @Nullable String> schemaNames) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    FirstMatchRule r = EarningRuleV2.read(p, node, Objects.requireNonNull(id, "id"), schemaNames);
    ComponentStatus status = status(p, node);
    p.done();
    return new ComponentRequest<>(p.must(r), status);
  }

  private static ComponentStatus status(Problems p, JsonNode node) {
    JsonNode s = node.get("status");
    if (s == null || s.isNull()) {
      return ComponentStatus.DRAFT;
    }
    if (!s.isTextual()) {
      p.add(WireInputException.Problem.WRONG_TYPE, "status", "must be DRAFT or ACTIVE", null);
      return ComponentStatus.DRAFT;
    }
    Map<String, ComponentStatus> allowed = new java.util.LinkedHashMap<>();
    allowed.put("DRAFT", ComponentStatus.DRAFT);
    allowed.put("ACTIVE", ComponentStatus.ACTIVE);
    ComponentStatus got = p.oneOf("status", s.textValue(), allowed);
    return got == null ? ComponentStatus.DRAFT : got;
  }

  /** Reads a {@code ProgramCreateRequest} body (either reward shape of seed 004) with the id the caller gives. */
  public ProgramPlan readProgram(String body, ProgramId id) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    ProgramPlan plan = ProgramV2.read(p, node, Objects.requireNonNull(id, "id"), zone);
    p.done();
    return p.must(plan);
  }

  /** Reads a {@code Program…BatchRequest} body of the target. */
  public AssignmentBatch readBatch(String body, AssignmentBatch.Target target) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    AssignmentBatch batch = ProgramV2.batch(p, node, Objects.requireNonNull(target, "target"));
    p.done();
    return p.must(batch);
  }

  /** Reads a {@code MemberCreateRequest} body. */
  public MemberCreate readMember(String body) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    String[] parts = MemberV2.read(p, node);
    p.done();
    String[] got = p.must(parts);
    return new MemberCreate(got[1], got[0].equals("customer_source_id"), got[2].equals("ACTIVE"));
  }

  /** A stored card definition or earning rule as its v2 response object. */
  public String write(StoredComponent stored) {
    return text(node(stored));
  }

  private static ObjectNode node(StoredComponent stored) {
    return stored.component() instanceof CardDefinition ? CardDefinitionV2.write(stored) : EarningRuleV2.write(stored);
  }

  /** A page of components in v2's list envelope, {@code cursor} the next page's cursor or null on the last. */
  public String writeComponents(List<StoredComponent> page, @Nullable String cursor) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    page.forEach(s -> data.add(node(s)));
    return list(data, cursor);
  }

  /** The program as {@code toCreateDTO}; {@code stocks} the rewards' stock (null or absent = unlimited). */
  public String writeProgram(Program program, @Nullable Instant createdAt, @Nullable Instant updatedAt,
      Map<RewardId, @Nullable Long> stocks) {
    return text(ProgramV2.write(program, createdAt, updatedAt, stocks));
  }

  /** A page of programs in v2's list envelope. */
  public String writePrograms(List<Program> page, Map<RewardId, @Nullable Long> stocks, @Nullable String cursor) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    page.forEach(p -> data.add(ProgramV2.write(p, null, null, stocks)));
    return list(data, cursor);
  }

  /** The batch response: what the batch assigned and unassigned (skipped items left out). */
  public String writeBatch(AssignmentBatch batch, AssignmentResult result, Instant now,
      Map<RewardId, @Nullable Long> stocks) {
    return text(ProgramV2.writeBatch(batch, result, now, stocks));
  }

  /** One member with its cards and their counters. */
  public String writeMember(String memberId, String customerId, ProgramId program, List<Card> cards,
      Map<CardCode, CardSummary> summaries) {
    return text(MemberV2.write(memberId, customerId, program.value(), cards, summaries));
  }

  /** Already written items (such as {@link #writeMember}'s) in v2's list envelope. */
  public String writeList(List<String> items, @Nullable String cursor) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (String item : items) {
      try {
        data.add(TREES.readTree(item));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("an item is not JSON", e);
      }
    }
    return list(data, cursor);
  }

  private static String list(ArrayNode data, @Nullable String cursor) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("data", data);
    if (cursor == null) {
      out.putNull("cursor");
    } else {
      out.putObject("cursor").put("next", cursor);
    }
    out.put("object", "list");
    return text(out);
  }

  private static String text(JsonNode node) {
    try {
      return TREES.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always writes", e);
    }
  }

  /**
   * A reward purchase body ({@code RewardPurchaseCreateRequest}).
   *
   * @param rewardId the reward offered by the program
   * @param dryRun whether {@code mode} is {@code DRY_RUN} (examine, write nothing) rather than {@code TRANSACTION}
   */
  public record PurchaseRequest(String rewardId, boolean dryRun) {}

  /** Reads a {@code RewardPurchaseCreateRequest} body. */
  public PurchaseRequest readPurchase(String body) {
    JsonNode node = tree(body);
    Problems p = new Problems();
    Obj o = Obj.open(p, "", node, java.util.Set.of("reward_id", "mode"));
    String reward = o == null ? null : o.reqText("reward_id", 1, 200);
    Map<String, Boolean> modes = new java.util.LinkedHashMap<>();
    modes.put("TRANSACTION", Boolean.FALSE);
    modes.put("DRY_RUN", Boolean.TRUE);
    Boolean dry = o == null ? null : o.oneOf("mode", modes);
    p.done();
    return new PurchaseRequest(p.must(reward), Boolean.TRUE.equals(dry));
  }

  /** A purchase that succeeded, as {@code RewardPurchaseCreateTransactionResponse}. */
  public String writePurchase(io.loyalty.spi.reward.Redemption purchase, String memberId) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode t = out.putObject("transaction");
    t.put("id", purchase.id().value());
    t.put("card_id", purchase.card().value());
    t.put("card_transaction_id", purchase.id().value());
    t.put("program_id", purchase.program().value());
    t.put("member_id", memberId);
    t.put("reward_id", purchase.reward().value());
    t.put("status", "PENDING");
    t.put("type", "PURCHASE");
    purchaseDetails(t.putObject("details"), null, purchase.points(), purchase.reward().value());
    t.put("created_at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(
        purchase.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    t.putNull("updated_at");
    t.put("object", "reward_transaction");
    out.put("status", "TRANSACTION_CREATED");
    out.put("message", "Reward purchase transaction created");
    return text(out);
  }

  /** An examined purchase ({@code mode: DRY_RUN}), as {@code RewardPurchaseCreateDryRunResponse}. */
  public String writeDryRun(io.loyalty.core.RewardExamination e, ProgramId program, String memberId,
      @Nullable CardCode card) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode t = out.putObject("transaction");
    if (card == null) {
      t.putNull("card_id");
    } else {
      t.put("card_id", card.value());
    }
    t.putNull("card_transaction_id");
    t.put("program_id", program.value());
    t.put("member_id", memberId);
    t.put("reward_id", e.reward().value());
    t.put("status", "SIMULATED");
    t.put("type", "PURCHASE");
    purchaseDetails(t.putObject("details"), e.reason() == null ? null : e.reason().name(),
        e.required() == null ? 0 : e.required(), e.reward().value());
    t.putNull("updated_at");
    t.put("object", "reward_transaction");
    out.put("status", "DRY_RUN");
    out.put("message", e.status() == io.loyalty.core.RewardExamination.Status.AVAILABLE
        ? "The reward can be purchased" : "The reward cannot be purchased");
    return text(out);
  }

  private static void purchaseDetails(ObjectNode d, @Nullable String rejection, long points, String reward) {
    d.put("reason", "");
    if (rejection == null) {
      d.putNull("rejection");
    } else {
      d.putObject("rejection").put("reason", rejection).putNull("details");
    }
    d.putObject("metadata");
    d.putObject("points").put("total", points);
    ObjectNode result = d.putObject("result");
    result.putObject("reward").put("id", reward);
    result.put("quantity", 1);
    result.putNull("material");
    result.putNull("digital");
  }
}
