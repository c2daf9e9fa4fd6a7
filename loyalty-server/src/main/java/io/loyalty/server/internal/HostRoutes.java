package io.loyalty.server.internal;

import static io.loyalty.server.internal.LoyaltyRoutes.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.json.WireInputException;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.server.internal.HostCatalog.StoredCustomer;
import io.loyalty.server.internal.HostCatalog.StoredOrder;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.Program;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints through which the server is the engine's host: customers, static segments, product collections,
 * custom event schemas, tracked events, orders (a PAID order fires {@code order.paid} once), and the test clock.
 */
final class HostRoutes {
  private static final ObjectMapper TREES = new ObjectMapper();

  private final LoyaltyEngine engine;
  private final HostCatalog host;
  private final VoucherifyJson wire;
  private final Clock clock;
  private final @Nullable SimulatedClock simulated;
  private final Ids ids;

  HostRoutes(LoyaltyEngine engine, HostCatalog host, VoucherifyJson wire, Clock clock, @Nullable SimulatedClock simulated,
      Ids ids) {
    this.engine = engine;
    this.host = host;
    this.wire = wire;
    this.clock = clock;
    this.simulated = simulated;
    this.ids = ids;
  }

  void register(RoutesConfig r) {
    r.post("/v1/customers", ctx -> ok(ctx, upsertCustomer(object(ctx.body()), null).json().toString()));
    r.get("/v1/customers/{id}", ctx -> ok(ctx, customer(ctx.pathParam("id")).json().toString()));
    r.put("/v1/customers/{id}", ctx -> {
      StoredCustomer current = customer(ctx.pathParam("id"));
      ObjectNode merged = current.json().deepCopy();
      object(ctx.body()).fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
      ok(ctx, upsertCustomer(merged, current).json().toString());
    });
    r.post("/v1/segments", this::createSegment);
    r.get("/v1/segments/{id}", ctx -> ok(ctx, host.segment(SegmentId.of(ctx.pathParam("id")))
        .orElseThrow(() -> new NotFoundException("segment", ctx.pathParam("id"))).toString()));
    r.post("/v1/product-collections", this::createCollection);
    r.get("/v1/product-collections/{id}", ctx -> ok(ctx, host.collection(CollectionId.of(ctx.pathParam("id")))
        .orElseThrow(() -> new NotFoundException("products_collection", ctx.pathParam("id"))).toString()));
    r.post("/v1/metadata-schemas", ctx -> {
      EventSchema schema = wire.readEventSchema(ctx.body(), SchemaId.of(ids.next("ms_")));
      host.putSchema(schema);
      ok(ctx, wire.write(schema));
    });
    r.get("/v1/metadata-schemas/{id}", ctx -> ok(ctx, wire.write(host.byId(SchemaId.of(ctx.pathParam("id")))
        .orElseThrow(() -> new NotFoundException("metadata_schema", ctx.pathParam("id"))))));
    r.post("/v1/validation-rules", ctx -> {
      ValidationRule rule = wire.readValidationRule(ctx.body(), ValidationRuleId.of(ids.next("val_")));
      ObjectNode stored = object(ctx.body());
      stored.put("id", rule.id().value());
      stored.put("object", "validation_rules");
      stored.put("created_at", stamp(clock.instant()));
      host.putRule(rule, stored);
      ok(ctx, stored.toString());
    });
    r.get("/v1/validation-rules/{id}", ctx -> ok(ctx, host.ruleJson(ValidationRuleId.of(ctx.pathParam("id")))
        .orElseThrow(() -> new NotFoundException("validation_rules", ctx.pathParam("id"))).toString()));
    r.post("/v1/events", this::trackEvent);
    r.post("/v1/orders", ctx -> saveOrder(ctx, object(ctx.body()), null));
    r.put("/v1/orders/{id}", ctx -> {
      StoredOrder current = host.order(ctx.pathParam("id"))
          .orElseThrow(() -> new NotFoundException("order", ctx.pathParam("id")));
      ObjectNode merged = current.json().deepCopy();
      object(ctx.body()).fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
      saveOrder(ctx, merged, current);
    });
    r.get("/v1/orders/{id}", ctx -> ok(ctx, host.order(ctx.pathParam("id"))
        .orElseThrow(() -> new NotFoundException("order", ctx.pathParam("id"))).json().toString()));
    if (simulated != null) {
      SimulatedClock test = simulated;
      r.get("/v1/test-clock", ctx -> ok(ctx, now(test.instant())));
      r.post("/v1/test-clock", ctx -> {
        JsonNode body = object(ctx.body());
        JsonNode now = body.get("now");
        if (now == null || !now.isTextual()) {
          throw WireInputException.of(Problem.MISSING_VALUE, "now", "is required, an ISO 8601 instant", null);
        }
        Instant to;
        try {
          to = Instant.parse(now.asText());
        } catch (java.time.format.DateTimeParseException e) {
          throw WireInputException.of(Problem.INVALID_VALUE, "now", "must be an ISO 8601 instant such as "
              + "2024-01-01T00:00:00Z", now.asText());
        }
        ok(ctx, now(test.advance(to)));
      });
    }
  }

  // ---- customers ----

  /** Creates or updates a customer by its source id (else its id); answers Voucherify's customer object. */
  private StoredCustomer upsertCustomer(ObjectNode json, @Nullable StoredCustomer current) {
    Customer customer = wire.readCustomer(json.toString());
    StoredCustomer existing = current != null ? current : host.customer(customer.id().value()).orElse(null);
    String id = existing != null ? existing.id() : json.hasNonNull("id") && json.get("id").asText().startsWith("cust_")
        ? json.get("id").asText() : ids.next("cust_");
    ObjectNode stored = json.deepCopy();
    stored.put("id", id);
    stored.put("object", "customer");
    if (!stored.hasNonNull("source_id")) {
      stored.put("source_id", customer.id().value());
    }
    String now = stamp(clock.instant());
    stored.put("created_at", existing != null ? existing.json().path("created_at").asText(now) : now);
    if (existing != null) {
      stored.put("updated_at", now);
    }
    StoredCustomer saved = new StoredCustomer(id, customer, stored);
    host.put(saved);
    return saved;
  }

  private StoredCustomer customer(String id) {
    // a customer's own id (often an email) is never quoted in an error: only the server's cust_ ids are
    return host.customer(id).orElseThrow(() -> new NotFoundException("customer", id.startsWith("cust_") ? id : "(given)"));
  }

  /**
   * A body's customer as the engine knows it: a {@code cust_} id the host made is replaced by the customer's source id
   * (the engine's id for it). Nothing is stored: see {@link #remember}.
   */
  void normalizeCustomer(ObjectNode body) {
    JsonNode c = body.get("customer");
    if (c == null && body.hasNonNull("customer_id")) {
      host.customer(body.get("customer_id").asText()).ifPresent(s -> {
        body.putObject("customer").put("source_id", s.customer().id().value());
        body.remove("customer_id");
      });
      return;
    }
    if (c instanceof ObjectNode customer && !customer.hasNonNull("source_id") && customer.hasNonNull("id")) {
      host.customer(customer.get("id").asText()).ifPresent(s -> {
        customer.put("source_id", s.customer().id().value());
        customer.remove("id");
      });
    }
  }

  /**
   * Creates the customer a body named when the host does not know it yet, as Voucherify does for events, orders and
   * new members; called once the request has succeeded, so a refused request stores no customer.
   */
  void remember(Customer customer, @Nullable JsonNode given) {
    if (host.customer(customer.id().value()).isPresent()) {
      return;
    }
    ObjectNode json = given instanceof ObjectNode o ? o.deepCopy() : TREES.createObjectNode();
    json.remove("id");
    json.put("source_id", customer.id().value());
    upsertCustomer(json, null);
  }

  // ---- segments and collections ----

  private void createSegment(Context ctx) {
    ObjectNode body = object(ctx.body());
    String type = body.path("type").asText("static");
    if (!type.equalsIgnoreCase("static")) {
      throw WireInputException.of(Problem.NOT_SUPPORTED, "type", "only static segments are kept by this server", type);
    }
    Set<CustomerId> members = new HashSet<>();
    JsonNode customers = body.path("customers");
    for (int i = 0; i < customers.size(); i++) {
      String ref = customers.get(i).isObject() ? customers.get(i).path("source_id").asText(customers.get(i).path("id").asText())
          : customers.get(i).asText();
      String at = "customers[" + i + "]";
      if (ref.isEmpty()) {
        throw WireInputException.of(Problem.MISSING_VALUE, at, "must be a customer's id or source id", null);
      }
      members.add(host.customer(ref).map(s -> s.customer().id()).orElseGet(() -> CustomerId.of(ref)));
    }
    SegmentId id = SegmentId.of(ids.next("seg_"));
    ObjectNode stored = body.deepCopy();
    stored.put("id", id.value());
    stored.put("object", "segment");
    stored.put("type", "static");
    stored.put("created_at", stamp(clock.instant()));
    host.putSegment(id, members, stored);
    // a static segment's members entered it now: customer.segment.entered rules earn, once per member
    for (CustomerId member : members) {
      engine.apply(new SegmentEntered(EventId.of("segment.entered:" + id.value() + ":" + member.value()), clock.instant(),
          host.enrich(Customer.of(member)), id, null));
    }
    ok(ctx, stored.toString());
  }

  private void createCollection(Context ctx) {
    ObjectNode body = object(ctx.body());
    String type = body.path("type").asText("STATIC");
    if (!type.equalsIgnoreCase("STATIC")) {
      throw WireInputException.of(Problem.NOT_SUPPORTED, "type", "only STATIC collections are kept by this server", type);
    }
    Set<String> members = new HashSet<>();
    JsonNode products = body.path("products");
    for (int i = 0; i < products.size(); i++) {
      String id = products.get(i).path("id").asText();
      if (id.isEmpty()) {
        throw WireInputException.of(Problem.MISSING_VALUE, "products[" + i + "].id", "is required", null);
      }
      members.add(id);
    }
    CollectionId id = CollectionId.of(ids.next("pc_"));
    ObjectNode stored = body.deepCopy();
    stored.put("id", id.value());
    stored.put("object", "products_collection");
    stored.put("created_at", stamp(clock.instant()));
    host.putCollection(id, members, stored);
    ok(ctx, stored.toString());
  }

  // ---- events and orders ----

  private void trackEvent(Context ctx) {
    ObjectNode body = object(ctx.body());
    // read (and so checked) before anything is stored
    wire.readCustomEvent(body.toString(), EventId.of("evcus_check"), clock.instant());
    normalizeCustomer(body);
    String id = ids.next("evcus_");
    CustomEvent read = wire.readCustomEvent(body.toString(), EventId.of(id), clock.instant());
    CustomEvent event = new CustomEvent(read.id(), read.occurredAt(), host.enrich(read.customer()), read.eventName(),
        read.metadata(), read.card());
    engine.apply(event);
    remember(read.customer(), body.get("customer"));
    ObjectNode out = TREES.createObjectNode();
    out.put("object", "event");
    out.put("type", event.eventName());
    StoredCustomer customer = host.customer(event.customer().id().value()).orElseThrow();
    out.putObject("customer").put("id", customer.id()).put("source_id", event.customer().id().value())
        .put("object", "customer");
    out.putNull("referral");
    out.putNull("loyalty");
    out.set("metadata", body.has("metadata") ? body.get("metadata") : TREES.createObjectNode());
    ok(ctx, out.toString());
  }

  /**
   * Creates or updates an order; when it is PAID and has not fired yet, its {@code order.paid} is applied (the
   * event id is the order's, so a replay earns once). The whole body is read as an order before anything is saved.
   */
  private void saveOrder(Context ctx, ObjectNode body, @Nullable StoredOrder current) {
    String id = current != null ? current.id()
        : body.hasNonNull("id") ? body.get("id").asText()
        : body.hasNonNull("source_id") ? host.order(body.get("source_id").asText()).map(StoredOrder::id).orElse(ids.next("ord_"))
        : ids.next("ord_");
    StoredOrder existing = current != null ? current : host.order(id).orElse(null);
    ObjectNode stored = body.deepCopy();
    stored.put("id", id);
    stored.put("object", "order");
    String status = stored.hasNonNull("status") ? stored.get("status").asText() : stored.path("result").asText("CREATED");
    stored.put("status", status);
    stored.remove("result");
    normalizeCustomer(stored);
    // every order is read as the engine's order (as if PAID), so a bad one is refused before anything is stored
    ObjectNode check = stored.deepCopy();
    check.put("status", "PAID");
    Instant now = clock.instant();
    OrderPaid read = wire.readOrderPaid(check.toString(), now);
    String stamp = stamp(now);
    stored.put("created_at", existing != null ? existing.json().path("created_at").asText(stamp) : stamp);
    if (existing != null) {
      stored.put("updated_at", stamp);
    }
    boolean fire = status.equals("PAID") && (existing == null || !existing.paidFired());
    if (fire) {
      engine.apply(new OrderPaid(read.id(), read.occurredAt(), host.enrich(read.customer()), read.order(), read.card()));
    }
    remember(read.customer(), stored.get("customer"));
    host.put(new StoredOrder(id, stored, fire || existing != null && existing.paidFired()),
        stored.hasNonNull("source_id") ? stored.get("source_id").asText() : null);
    ok(ctx, stored.toString());
  }

  /**
   * Voucherify's points estimation ({@code POST /v1/loyalties/{c}/qualifications {customer, order}}): the points the
   * campaign's {@code order.paid} rules would give the order now, quoted by the engine (nothing is written). An order
   * named by id or source id that the server keeps is read as stored, the body's fields laid over it.
   */
  String estimate(Program program, String text) {
    ObjectNode body = object(text);
    JsonNode given = body.get("order");
    if (!(given instanceof ObjectNode givenOrder)) {
      throw WireInputException.of(Problem.MISSING_VALUE, "order", "is required, an order object", null);
    }
    String ref = givenOrder.hasNonNull("id") ? givenOrder.get("id").asText()
        : givenOrder.hasNonNull("source_id") ? givenOrder.get("source_id").asText() : null;
    ObjectNode order = ref == null ? TREES.createObjectNode()
        : host.order(ref).map(o -> o.json().deepCopy()).orElse(TREES.createObjectNode());
    givenOrder.fields().forEachRemaining(f -> order.set(f.getKey(), f.getValue()));
    for (String computed : new String[] {"object", "created_at", "updated_at"}) {
      order.remove(computed);
    }
    if (body.has("customer")) {
      order.set("customer", body.get("customer"));
    }
    if (!order.hasNonNull("id") && !order.hasNonNull("source_id")) {
      order.put("id", ids.next("ord_estimate_"));
    }
    order.put("status", "PAID");
    order.remove("result");
    normalizeCustomer(order);
    OrderPaid read = wire.readOrderPaid(order.toString(), clock.instant());
    Customer customer = host.enrich(read.customer());
    if (engine.cardOf(program.id(), customer.id()).isEmpty() && !program.autoJoin()) {
      throw new Refusal(400, "campaign_not_allow_auto_join", "the customer is not a member and the campaign does not auto-join");
    }
    var quote = engine.quote(new OrderPaid(EventId.of(ids.next("estimate_")), read.occurredAt(), customer, read.order(),
        null));
    long points = quote.programs().stream().filter(o -> o.program().equals(program.id()))
        .mapToLong(io.loyalty.spi.earning.ProgramOutcome::points).sum();
    ObjectNode out = TREES.createObjectNode();
    out.putObject("campaign").put("id", program.id().value()).put("name", program.name()).put("object", "campaign");
    out.put("points_estimation", points);
    return out.toString();
  }

  /** A request refused by the server's own rule with Voucherify's key; nothing was written. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String key;
    final String details;

    Refusal(int status, String key, String details) {
      super(details, null, false, false);
      this.status = status;
      this.key = key;
      this.details = details;
    }
  }

  // ---- helpers ----

  /** A body that must be a JSON object; anything else is Voucherify's {@code invalid_payload}. */
  private static ObjectNode object(String body) {
    JsonNode node;
    try {
      node = TREES.readTree(body);
    } catch (IOException e) {
      throw WireInputException.of(Problem.MALFORMED_JSON, "", "the body is not JSON", null);
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw WireInputException.of(Problem.WRONG_TYPE, "", "the body must be a JSON object", null);
  }

  private static String now(Instant instant) {
    return "{\"now\":\"" + stamp(instant) + "\"}";
  }

  /** Voucherify's form of a date-time: UTC with milliseconds, {@code 2022-11-29T13:10:30.848Z}. */
  private static String stamp(Instant instant) {
    return STAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static final java.time.format.DateTimeFormatter STAMP =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
}
