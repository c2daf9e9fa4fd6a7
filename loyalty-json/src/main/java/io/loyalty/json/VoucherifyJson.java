package io.loyalty.json;

import io.loyalty.core.CardSummary;
import io.loyalty.core.MemberReward;
import io.loyalty.json.internal.read.HostReader;
import io.loyalty.json.internal.read.ValidationRuleReader;
import io.loyalty.json.internal.wire.ValidationRuleWire;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.json.internal.wire.BalanceWire;
import io.loyalty.json.internal.wire.CustomerWire;
import io.loyalty.json.internal.wire.EventSchemaWire;
import io.loyalty.json.internal.wire.MemberWire;
import io.loyalty.json.internal.wire.TransferWire;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.EventSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import io.loyalty.json.internal.read.CardReader;
import io.loyalty.json.internal.read.EarningRuleReader;
import io.loyalty.json.internal.read.EventReader;
import io.loyalty.json.internal.read.ProgramReader;
import io.loyalty.json.internal.read.RedeemReader;
import io.loyalty.json.internal.read.RewardReader;
import io.loyalty.json.internal.read.TierReader;
import io.loyalty.json.internal.read.WireJson;
import io.loyalty.json.internal.wire.CampaignWire;
import io.loyalty.json.internal.wire.CustomEventWire;
import io.loyalty.json.internal.wire.EarningRuleWire;
import io.loyalty.json.internal.wire.ErrorWire;
import io.loyalty.json.internal.wire.OrderWire;
import io.loyalty.json.internal.wire.RedeemWire;
import io.loyalty.json.internal.wire.RewardAssignmentWire;
import io.loyalty.json.internal.wire.RewardWire;
import io.loyalty.json.internal.wire.TierWire;
import io.loyalty.json.internal.wire.TransactionWire;
import io.loyalty.json.internal.wire.VoucherWire;
import io.loyalty.json.internal.write.CardMapper;
import io.loyalty.json.internal.write.CardMapperImpl;
import io.loyalty.json.internal.write.DefinitionMapper;
import io.loyalty.json.internal.write.DefinitionMapperImpl;
import io.loyalty.json.internal.write.EventDataWriter;
import io.loyalty.json.internal.write.TransactionMapper;
import io.loyalty.json.internal.write.TransactionMapperImpl;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Voucherify's v1 loyalty JSON for the engine: reads request bodies (campaigns, earning rules, tiers, rewards,
 * reward assignments, orders, custom events) into the engine's records, and writes the engine's records (the same
 * definitions, cards, transactions, buckets, pending points, lists) and errors as Voucherify's response bodies.
 *
 * <p>A read either returns a complete record or throws a {@link WireInputException} naming every offending field by
 * its JSON path; no Jackson exception leaves this class. One instance is immutable and safe to share between threads.
 * See {@code docs/wire.md} for the mapping, field by field.
 */
public final class VoucherifyJson {
  private final WireJson json = new WireJson();
  private final DefinitionMapper definitions = new DefinitionMapperImpl();
  private final CardMapper cards = new CardMapperImpl();
  private final TransactionMapper transactions = new TransactionMapperImpl();
  private final EventDataWriter events = new EventDataWriter(transactions);
  private final ZoneId zone;
  private final Currency currency;

  private VoucherifyJson(ZoneId zone, Currency currency) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  /**
   * The wire for a Voucherify project: its time zone (the programs' calendar rules) and its currency (orders carry
   * none in v1). Voucherify keeps both in the project settings, not on the bodies.
   */
  public static VoucherifyJson forProject(ZoneId zone, Currency currency) {
    return new VoucherifyJson(zone, currency);
  }

  // ---- reading ----

  /** A campaign body as a program with the given id (a create body has none); no rules, tiers or rewards yet. */
  public Program readProgram(String body, ProgramId id) {
    return ProgramReader.read(json.read(body, CampaignWire.class), Objects.requireNonNull(id, "id"), zone);
  }

  /** A campaign as Voucherify answers it (or as {@link #write(Program)} wrote it): its {@code id} is required. */
  public Program readProgram(String body) {
    return ProgramReader.read(json.read(body, CampaignWire.class), null, zone);
  }

  /** An earning rule body with the given id (a create or update body; a body's {@code id} is read-only). */
  public EarningRule readEarningRule(String body, RuleId id) {
    return EarningRuleReader.read(json.read(body, EarningRuleWire.class), Objects.requireNonNull(id, "id"), "");
  }

  /** An earning rule as Voucherify answers it: its {@code id} is required. */
  public EarningRule readEarningRule(String body) {
    return EarningRuleReader.read(json.read(body, EarningRuleWire.class), null, "");
  }

  /**
   * Voucherify's create body for earning rules, a JSON array, each rule given the next id of {@code ids}.
   * Every rule is read before any is returned: one bad rule rejects the body.
   */
  public List<EarningRule> readEarningRules(String body, Supplier<RuleId> ids) {
    return each(json.readList(body, EarningRuleWire.class),
        (r, at) -> EarningRuleReader.read(r, Objects.requireNonNull(ids.get(), "id"), at));
  }

  /** A JSON array of earning rules as Voucherify answers them (or {@link #writeEarningRules} wrote them): ids required. */
  public List<EarningRule> readEarningRules(String body) {
    return each(json.readList(body, EarningRuleWire.class), (r, at) -> EarningRuleReader.read(r, null, at));
  }

  /** A tier body with the given id. */
  public Tier readTier(String body, TierId id) {
    return TierReader.read(json.read(body, TierWire.class), Objects.requireNonNull(id, "id"), "");
  }

  /** A tier as Voucherify answers it: its {@code id} is required. */
  public Tier readTier(String body) {
    return TierReader.read(json.read(body, TierWire.class), null, "");
  }

  /** Voucherify's create body for tiers, a JSON array, each tier given the next id of {@code ids}. */
  public List<Tier> readTiers(String body, Supplier<TierId> ids) {
    return each(json.readList(body, TierWire.class), (t, at) -> TierReader.read(t, Objects.requireNonNull(ids.get(), "id"), at));
  }

  /** A reward body with the given id. */
  public Reward readReward(String body, RewardId id) {
    return RewardReader.reward(json.read(body, RewardWire.class), Objects.requireNonNull(id, "id"));
  }

  /** A reward as Voucherify answers it: its {@code id} is required. */
  public Reward readReward(String body) {
    return RewardReader.reward(json.read(body, RewardWire.class), null);
  }

  /** A reward assignment body with the given id. */
  public RewardAssignment readRewardAssignment(String body, AssignmentId id) {
    return RewardReader.assignment(json.read(body, RewardAssignmentWire.class), Objects.requireNonNull(id, "id"), "");
  }

  /** A reward assignment as Voucherify answers it: its {@code id} is required. */
  public RewardAssignment readRewardAssignment(String body) {
    return RewardReader.assignment(json.read(body, RewardAssignmentWire.class), null, "");
  }

  /** Voucherify's create body for reward assignments, a JSON array, each given the next id of {@code ids}. */
  public List<RewardAssignment> readRewardAssignments(String body, Supplier<AssignmentId> ids) {
    return each(json.readList(body, RewardAssignmentWire.class),
        (a, at) -> RewardReader.assignment(a, Objects.requireNonNull(ids.get(), "id"), at));
  }

  /**
   * An order body with status {@code PAID} as the engine's {@code order.paid} event, in the project's currency. The
   * event's id is {@code order.paid:} and the order's id (its {@code source_id}, else its {@code id}), so an order
   * saved as PAID twice earns once.
   *
   * @param occurredAt when the order was paid (Voucherify's order has no payment time: the host's clock)
   */
  public OrderPaid readOrderPaid(String body, Instant occurredAt) {
    return EventReader.orderPaid(json.read(body, OrderWire.class), Objects.requireNonNull(occurredAt, "occurredAt"), currency);
  }

  /** A tracked custom event body ({@code POST /v1/events}) with the host's id for it and its time. */
  public CustomEvent readCustomEvent(String body, EventId id, Instant occurredAt) {
    return EventReader.customEvent(json.read(body, CustomEventWire.class), Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(occurredAt, "occurredAt"));
  }

  /**
   * A reward redemption body ({@code {"reward": {"id": "rew_…", "points": …}, "order": …, "metadata": …}}) as the
   * engine's request for a card of the program; the reward is found among the program's assignments, a COIN order
   * is read in the project's currency.
   *
   * @param id the caller's idempotency key for the redemption
   * @throws io.loyalty.core.MissingRewardException when the body names no reward ({@code missing_reward})
   * @throws io.loyalty.spi.NotFoundException when the program offers no such reward
   */
  public RedeemRequest readRedeemRequest(String body, RedemptionId id, CardCode card, Program program) {
    return RedeemReader.read(json.read(body, RedeemWire.class), Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(card, "card"), Objects.requireNonNull(program, "program"), currency);
  }

  /**
   * A loyalty card voucher (as Voucherify answers it, or as {@link #writeCard} wrote it) as the card's own fields:
   * code, program, holder, creation, publication ({@code start_date}) and expiration, switch, redemption count. The
   * card has no lots and version 0: its points are its ledger's, and the counters of {@code loyalty_card} are not read.
   */
  public Card readCard(String body) {
    return CardReader.card(json.read(body, VoucherWire.class));
  }

  /**
   * A JSON array of card transactions as ledger entries, for the fields the wire carries: type, points, pending
   * points, balance after, time, key (the transaction's id), event, rule, order, reason and the related entry. Their
   * sequence and program version are 0 and they record no lot draws.
   */
  public List<LedgerEntry> readTransactions(String body) {
    return each(json.readList(body, TransactionWire.class), CardReader::entry);
  }

  // ---- host and plain-argument bodies ----

  /**
   * A balance body ({@code POST …/members/{memberId}/balance}): signed {@code points} (not 0), {@code expiration_type}
   * {@code PROGRAM_RULES} (the default), {@code NON_EXPIRING} or {@code CUSTOM_DATE} with {@code expiration_date} (a
   * date, or a date-time as Voucherify's current client sends it: its calendar day), {@code reason}, {@code source_id}.
   */
  public BalanceChange readBalanceChange(String body) {
    return HostReader.balance(json.read(body, BalanceWire.class));
  }

  /** A transfer body, a JSON array of {@code {code, points, reason, source_id}}: every element read, or none. */
  public List<PointsTransfer> readTransfers(String body) {
    return each(json.readList(body, TransferWire.class), HostReader::transfer);
  }

  /** An add-member body: {@code customer} (an object, or its source id as a text), {@code voucher}, {@code source_id}. */
  public MemberRequest readMember(String body) {
    MemberWire w = json.read(body, MemberWire.class);
    JsonNode customer = w.customer();
    CustomerWire object = customer != null && customer.isObject() ? json.read(customer.toString(), CustomerWire.class) : null;
    return HostReader.member(w, object);
  }

  /** A customer body ({@code POST /v1/customers}) as the engine's customer: its source id (else id) and metadata. */
  public Customer readCustomer(String body) {
    return HostReader.customer(json.read(body, CustomerWire.class));
  }

  /**
   * A custom event schema body ({@code POST /v1/metadata-schemas}) with the host's id: {@code related_object} names the
   * event, {@code properties} give each property's {@code type} ({@code string}, {@code number}, {@code boolean}) and
   * {@code optional}, and {@code allow_defined_only} refuses other properties.
   */
  public EventSchema readEventSchema(String body, SchemaId id) {
    return HostReader.eventSchema(json.read(body, EventSchemaWire.class), Objects.requireNonNull(id, "id"));
  }

  /**
   * A validation rule body ({@code POST /v1/validation-rules}) with the host's id: numbered {@code rules} of
   * {@code customer.segment}, {@code customer.metadata}, {@code order.metadata}, {@code custom_event.metadata},
   * {@code order.amount}, {@code order.total_amount}, {@code order.items.count}, {@code product.id} or {@code sku.id},
   * joined by {@code rules.logic}; other names, nested rules and {@code applicable_to} are {@code not_supported}.
   */
  public ValidationRule readValidationRule(String body, ValidationRuleId id) {
    return ValidationRuleReader.read(json.read(body, ValidationRuleWire.class), Objects.requireNonNull(id, "id"));
  }

  // ---- writing ----

  /** The program as a v1 loyalty campaign. */
  public String write(Program program) {
    return json.write(definitions.campaign(program));
  }

  /** One earning rule of the program. */
  public String write(EarningRule rule, ProgramId program) {
    return json.write(definitions.earningRule(rule, program));
  }

  /** The program's earning rules as Voucherify's list ({@code data_ref: "data"}, with the total). */
  public String writeEarningRules(Program program) {
    return writeEarningRules(program.earningRules(), program.id(), program.earningRules().size());
  }

  /** One page of a program's earning rules as Voucherify's list; {@code total} counts the rules of every page. */
  public String writeEarningRules(List<EarningRule> rules, ProgramId program, long total) {
    return list("data", rules.stream().map(r -> (Object) definitions.earningRule(r, program)).toList(), total);
  }

  /** One tier of the program. */
  public String write(Tier tier, ProgramId program) {
    return json.write(definitions.tier(tier, program));
  }

  /** The program's tiers as Voucherify's list. */
  public String writeTiers(Program program) {
    return writeTiers(program.tiers(), program.id());
  }

  /** A reward of the catalog. */
  public String write(Reward reward) {
    return json.write(definitions.reward(reward));
  }

  /** One reward assignment of the program. */
  public String write(RewardAssignment assignment, ProgramId program) {
    return json.write(definitions.assignment(assignment, program));
  }

  /** The program's reward assignments as Voucherify's list. */
  public String writeRewardAssignments(Program program) {
    return writeRewardAssignments(program.rewards(), program.id(), program.rewards().size());
  }

  /** One page of a program's reward assignments as Voucherify's list; {@code total} counts those of every page. */
  public String writeRewardAssignments(List<RewardAssignment> assignments, ProgramId program, long total) {
    return list("data", assignments.stream().map(a -> (Object) definitions.assignment(a, program)).toList(), total);
  }

  /**
   * The card as Voucherify's loyalty card voucher, its {@code loyalty_card} counters from the summary (read as of the
   * instant the caller chose) and its campaign name and redemption quantity from the program.
   */
  public String writeCard(Card card, CardSummary summary, Program program) {
    return json.write(cards.voucher(card, summary, program));
  }

  /**
   * A redemption as Voucherify's redemption object: the points spent ({@code amount}, {@code loyalty_card.points}), the
   * reward and its assignment, SUCCESS or FAILURE with the failure code, the discounted order of a COIN reward, and
   * the card after it ({@code voucher}, its counters from the summary).
   */
  public String write(Redemption redemption, Reward reward, Card card, CardSummary summary, Program program) {
    return json.write(cards.redemption(redemption, reward, card, summary, program));
  }

  /**
   * Ledger entries as one page of Voucherify's transaction list, in the given order ({@code data_ref: "data"},
   * {@code has_more}, and {@code more_starting_after} the last transaction's id when more follow).
   *
   * @param hasMore whether entries follow the page
   */
  public String writeTransactions(List<LedgerEntry> entries, ProgramId program, boolean hasMore) {
    var data = entries.stream().map(e -> transactions.transaction(e, program)).toList();
    return page("data", data, hasMore, data.isEmpty() ? null : data.get(data.size() - 1).id());
  }

  /** One ledger entry as Voucherify's loyalty card transaction object. */
  public String writeTransaction(LedgerEntry entry, ProgramId program) {
    return json.write(transactions.transaction(Objects.requireNonNull(entry, "entry"),
        Objects.requireNonNull(program, "program")));
  }

  /**
   * A committed outbox event as the {@code data} object of Voucherify's event and webhook: the card as
   * {@code voucher} and the program as {@code campaign} (by id), and by payload the {@code transaction} with its
   * {@code balance} (plus {@code points} for an expiry, {@code pending_points} for pending points), the
   * {@code redemption}, the tier move ({@code loyalty_tier_from}, {@code loyalty_tier_to}, {@code customer}) or the
   * {@code publication}. See {@code docs/webhooks.md}.
   */
  public String writeEventData(OutboxEvent event) {
    return json.write(events.data(Objects.requireNonNull(event, "event")));
  }

  /** The card's points expiration buckets as of an instant: lots with points left that are usable or have expired. */
  public String writeBuckets(Card card, Program program, Instant asOf) {
    List<Lot> lots = buckets(card, asOf);
    return writeBuckets(card, lots, program, asOf, lots.size());
  }

  /**
   * The lots {@link #writeBuckets(Card, Program, Instant)} lists as buckets, in the card's lot order: those with points
   * left that are active, or pending and activated by {@code asOf}.
   */
  public List<Lot> buckets(Card card, Instant asOf) {
    List<Lot> out = new ArrayList<>();
    for (Lot lot : card.lots()) {
      if (lot.state() == LotState.ACTIVE && lot.remaining() > 0 || lot.state() == LotState.PENDING && lot.isActiveAt(asOf)
          && lot.remaining() > 0) {
        out.add(lot);
      }
    }
    return out;
  }

  /**
   * One page of the card's buckets as Voucherify's counted list: {@code lots} (chosen from {@link #buckets}) as
   * buckets, and {@code total} the number of buckets in every page.
   */
  public String writeBuckets(Card card, List<Lot> lots, Program program, Instant asOf, long total) {
    return list("data", lots.stream().map(l -> (Object) cards.bucket(l, card, asOf, program.zone())).toList(), total);
  }

  /** The card's pending points entries as of an instant (lots not yet activated by then), as one whole page. */
  public String writePendingPoints(Card card, Program program, Instant asOf) {
    return writePendingPoints(pending(card, asOf), program, false);
  }

  /** The card's pending points entries as of {@code asOf}: lots with points left not yet activated by then. */
  public List<PendingEntry> pending(Card card, Instant asOf) {
    List<PendingEntry> out = new ArrayList<>();
    for (Lot lot : card.lots()) {
      if (lot.isPendingAt(asOf) && lot.remaining() > 0) {
        out.add(new PendingEntry(card, lot));
      }
    }
    return out;
  }

  /**
   * One page of pending points entries (of one card or of a campaign's cards) as Voucherify's cursor list:
   * {@code has_more}, and {@code more_starting_after} the last entry's id when more follow.
   */
  public String writePendingPoints(List<PendingEntry> entries, Program program, boolean hasMore) {
    List<Object> out = new ArrayList<>(entries.size());
    for (PendingEntry e : entries) {
      out.add(cards.pending(e.lot(), e.card(), program.zone()));
    }
    return page("data", out, hasMore, entries.isEmpty() ? null : entries.get(entries.size() - 1).id());
  }

  /**
   * The answer to a balance change (Voucherify's {@code AddBalanceResponse}): the signed {@code points}, {@code total}
   * (the card's lifetime points), {@code balance} after it, and the card as {@code related_object}.
   */
  public String writeBalance(LedgerEntry entry, CardSummary summary) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("points", entry.points());
    out.put("total", summary.points());
    out.put("balance", summary.balance());
    out.put("type", "loyalty_card");
    out.put("object", "balance");
    out.put("related_object", Map.of("type", "voucher", "id", summary.card().value()));
    out.put("operation_type", "MANUAL");
    return json.write(out);
  }

  /** Cards as Voucherify's member list: {@code data_ref: "vouchers"}, each card with its counters, and the total. */
  public String writeMembers(List<Card> members, Function<Card, CardSummary> summaries, Program program) {
    return writeMembers(members, summaries, program, members.size());
  }

  /**
   * One page of a program's members as Voucherify's member list ({@code data_ref: "vouchers"}); {@code total} counts
   * the members of every page. {@code summaries} is asked for the page's cards only.
   */
  public String writeMembers(List<Card> members, Function<Card, CardSummary> summaries, Program program, long total) {
    return list("vouchers", members.stream().map(c -> (Object) cards.voucher(c, summaries.apply(c), program)).toList(),
        total);
  }

  /** Programs as Voucherify's campaign list: {@code data_ref: "campaigns"} and the total. */
  public String writeCampaigns(List<Program> programs) {
    return writeCampaigns(programs, programs.size());
  }

  /** One page of Voucherify's campaign list; {@code total} counts the campaigns of every page. */
  public String writeCampaigns(List<Program> programs, long total) {
    return list("campaigns", programs.stream().map(p -> (Object) definitions.campaign(p)).toList(), total);
  }

  /** Rewards of the catalog as Voucherify's list ({@code data_ref: "data"}, with the total). */
  public String writeRewards(List<Reward> rewards) {
    return writeRewards(rewards, rewards.size());
  }

  /** One page of the reward catalog as Voucherify's list; {@code total} counts the rewards of every page. */
  public String writeRewards(List<Reward> rewards, long total) {
    return list("data", rewards.stream().map(r -> (Object) definitions.reward(r)).toList(), total);
  }

  /** Tiers as Voucherify's list, such as a member's tiers ({@code GET /v1/loyalties/members/{memberId}/tiers}). */
  public String writeTiers(List<Tier> tiers, ProgramId program) {
    return writeTiers(tiers, program, tiers.size());
  }

  /** One page of tiers as Voucherify's list; {@code total} counts the tiers of every page. */
  public String writeTiers(List<Tier> tiers, ProgramId program, long total) {
    return list("data", tiers.stream().map(t -> (Object) definitions.tier(t, program)).toList(), total);
  }

  /**
   * A member's rewards ({@code GET /v1/loyalties/members/{memberId}/rewards}): {@code {reward, assignment, object:
   * "loyalty_reward"}} each, the assignment's points the member's price.
   */
  public String writeMemberRewards(List<MemberReward> rewards, ProgramId program) {
    List<Object> out = new ArrayList<>();
    for (MemberReward r : rewards) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("reward", definitions.reward(r.reward()));
      item.put("assignment", definitions.assignment(r.assignment(), program));
      item.put("object", "loyalty_reward");
      out.add(item);
    }
    return list("data", out, out.size());
  }

  /**
   * A rolled-back redemption as Voucherify's rollback object ({@code object: "redemption_rollback"}, {@code id}
   * {@code rr_} and the redemption's id): the points given back as a negative {@code amount} and
   * {@code loyalty_card.points}, {@code redemption} the rolled-back id, and the card after it.
   */
  public String writeRollback(Redemption redemption, Reward reward, Card card, CardSummary summary, Program program) {
    ObjectMapper trees = new ObjectMapper();
    try {
      ObjectNode out = (ObjectNode) trees.readTree(write(redemption, reward, card, summary, program));
      String id = out.path("id").asText();
      long points = out.path("amount").asLong();
      out.put("id", "rr_" + id);
      out.put("object", "redemption_rollback");
      out.put("redemption", id);
      out.put("amount", -points);
      out.putObject("loyalty_card").put("points", -points);
      out.put("result", "SUCCESS");
      out.put("status", "SUCCEEDED");
      out.put("reason", redemption.rollbackReason());
      return trees.writeValueAsString(out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a redemption written by this class did not read back", e);
    }
  }

  /** A custom event schema as Voucherify's metadata schema ({@code related_object}, {@code properties}). */
  public String write(EventSchema schema) {
    Map<String, Object> properties = new LinkedHashMap<>();
    schema.properties().forEach((k, v) -> properties.put(k,
        Map.of("type", v.type().name().toLowerCase(java.util.Locale.ROOT), "optional", v.optional(), "array", false)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", schema.id().value());
    out.put("related_object", schema.eventName());
    out.put("properties", properties);
    out.put("allow_defined_only", schema.allowDefinedOnly());
    out.put("object", "metadata_schema");
    return json.write(out);
  }

  /**
   * An error the server answers itself, outside the engine (a refused key, a body too large, an unknown path), as
   * Voucherify's error object.
   *
   * @param key Voucherify's key, such as {@code unauthorized}
   * @param details what was wrong, naming no customer
   */
  public WireError error(int status, String key, String details, @Nullable String requestId) {
    return new WireError(status, key, json.write(new ErrorWire(status, key, ErrorMapping.message(key), details,
        requestId, null, null)));
  }

  /**
   * Any failure as Voucherify's error object and HTTP status: an engine error by its {@link ErrorMapping}, an
   * unreadable body as {@code invalid_payload}, anything else as a 500 that quotes nothing of the failure.
   *
   * @param requestId the request's id, echoed as {@code request_id}; {@code null} for none
   */
  public WireError error(Throwable failure, @Nullable String requestId) {
    if (failure instanceof LoyaltyException e) {
      ErrorCode code = e.errorCode();
      String key = ErrorMapping.key(code);
      String message = e.getMessage();
      String details = (key.equals(code.key()) ? "" : code.key() + ": ") + (message == null ? "" : message);
      String resourceId = e instanceof NotFoundException n ? n.resourceId() : null;
      String resourceType = e instanceof NotFoundException n ? n.resourceType() : null;
      int status = ErrorMapping.status(code);
      return new WireError(status, key, json.write(new ErrorWire(status, key, ErrorMapping.message(key), details,
          requestId, resourceId, resourceType)));
    }
    String key = "internal_error";
    return new WireError(500, key, json.write(new ErrorWire(500, key, ErrorMapping.message(key),
        "the request failed inside the engine; nothing was written", requestId, null, null)));
  }

  /** A list Voucherify counts: {@code object}, {@code data_ref}, the page's items, {@code total} of every page. */
  private String list(String dataRef, List<?> data, long total) {
    if (total < data.size()) {
      throw new IllegalArgumentException("a total of " + total + " is less than the page's " + data.size() + " items");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data_ref", dataRef);
    out.put(dataRef, data);
    out.put("total", total);
    return json.write(out);
  }

  /**
   * A list Voucherify pages by cursor (transactions, pending points): {@code has_more}, and when there is more,
   * {@code more_starting_after}, the last item's id; no total.
   */
  private String page(String dataRef, List<?> data, boolean hasMore, @Nullable String lastId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data_ref", dataRef);
    out.put(dataRef, data);
    out.put("has_more", hasMore);
    if (hasMore && lastId != null) {
      out.put("more_starting_after", lastId);
    }
    return json.write(out);
  }

  private static <W, T> List<T> each(List<W> bodies, BiFunction<W, String, T> read) {
    List<T> out = new ArrayList<>(bodies.size());
    List<io.loyalty.spi.Violation> violations = new ArrayList<>();
    WireInputException.Problem first = null;
    for (int i = 0; i < bodies.size(); i++) {
      W body = bodies.get(i);
      String at = "[" + i + "]";
      if (body == null) {
        violations.add(new io.loyalty.spi.Violation(at, "must be an object", null));
        first = first == null ? WireInputException.Problem.MISSING_VALUE : first;
        continue;
      }
      try {
        out.add(read.apply(body, at));
      } catch (WireInputException e) {
        violations.addAll(e.violations());
        first = first == null ? e.problem() : first;
      }
    }
    if (first != null) {
      throw new WireInputException(first, violations);
    }
    return out;
  }
}
