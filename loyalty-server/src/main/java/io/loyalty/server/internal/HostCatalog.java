package io.loyalty.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.program.EventSchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the server keeps as the engine's host, in memory: customers (by the engine's id, their source id, and by
 * Voucherify's {@code cust_} id), static segment membership, product collections, named validation rules, custom
 * event schemas, and orders
 * (the JSON as last saved, and whether it fired {@code order.paid}). The engine reads it through its host ports.
 * Thread-safe; lost at restart, also on PostgreSQL (the engine's own data is the store's).
 */
public final class HostCatalog implements EventSchemas, ProductCollections, ValidationRules {
  /** A stored customer: its Voucherify id, the engine's customer, and the JSON as last saved. */
  public record StoredCustomer(String id, Customer customer, ObjectNode json) {}

  /** A stored order: the JSON as last saved, and whether it has fired {@code order.paid}. */
  public record StoredOrder(String id, ObjectNode json, boolean paidFired) {}

  private final Map<CustomerId, StoredCustomer> customers = new ConcurrentHashMap<>();
  private final Map<String, CustomerId> customerIds = new ConcurrentHashMap<>();
  private final Map<SegmentId, Set<CustomerId>> segments = new ConcurrentHashMap<>();
  private final Map<SegmentId, ObjectNode> segmentJson = new ConcurrentHashMap<>();
  private final Map<CollectionId, Set<String>> collections = new ConcurrentHashMap<>();
  private final Map<CollectionId, ObjectNode> collectionJson = new ConcurrentHashMap<>();
  private final Map<SchemaId, EventSchema> schemas = new ConcurrentHashMap<>();
  private final Map<ValidationRuleId, ValidationRule> rules = new ConcurrentHashMap<>();
  private final Map<ValidationRuleId, ObjectNode> ruleJson = new ConcurrentHashMap<>();
  private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
  private final Map<String, String> orderIds = new ConcurrentHashMap<>();

  // ---- customers ----

  /** The customer by its Voucherify id ({@code cust_…}) or by the engine's id (its source id). */
  public Optional<StoredCustomer> customer(String idOrSourceId) {
    CustomerId byId = customerIds.get(idOrSourceId);
    if (byId != null) {
      return Optional.ofNullable(customers.get(byId));
    }
    try {
      return Optional.ofNullable(customers.get(CustomerId.of(idOrSourceId)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Stores the customer under both of its ids. */
  public void put(StoredCustomer customer) {
    customers.put(customer.customer().id(), customer);
    customerIds.put(customer.id(), customer.customer().id());
  }

  /** The engine's customer as the host knows it: its stored metadata (unless the event brought some) and segments. */
  public Customer enrich(Customer fromBody) {
    StoredCustomer stored = customers.get(fromBody.id());
    Metadata metadata = fromBody.metadata().isEmpty() && stored != null ? stored.customer().metadata() : fromBody.metadata();
    Set<SegmentId> in = new HashSet<>();
    segments.forEach((segment, members) -> {
      if (members.contains(fromBody.id())) {
        in.add(segment);
      }
    });
    return new Customer(fromBody.id(), metadata, in);
  }

  // ---- segments and collections ----

  /** Stores a static segment and its members. */
  public void putSegment(SegmentId id, Set<CustomerId> members, ObjectNode json) {
    segments.put(id, Set.copyOf(members));
    segmentJson.put(id, json);
  }

  /** A segment's JSON as saved. */
  public Optional<ObjectNode> segment(SegmentId id) {
    return Optional.ofNullable(segmentJson.get(id));
  }

  /** Stores a static product collection: the product and SKU ids it lists. */
  public void putCollection(CollectionId id, Set<String> members, ObjectNode json) {
    collections.put(id, Set.copyOf(members));
    collectionJson.put(id, json);
  }

  /** A collection's JSON as saved. */
  public Optional<ObjectNode> collection(CollectionId id) {
    return Optional.ofNullable(collectionJson.get(id));
  }

  @Override
  public boolean contains(CollectionId collection, OrderItem item) {
    Set<String> ids = collections.get(collection);
    return ids != null && ProductCollections.listed(ids, item);
  }

  @Override
  public boolean exists(CollectionId collection) {
    return collections.containsKey(collection);
  }

  // ---- event schemas ----

  /** Stores a custom event's schema. */
  public void putSchema(EventSchema schema) {
    schemas.put(schema.id(), schema);
  }

  @Override
  public Optional<EventSchema> byId(SchemaId id) {
    return Optional.ofNullable(schemas.get(id));
  }

  @Override
  public Optional<EventSchema> byEventName(String eventName) {
    return schemas.values().stream().filter(s -> s.eventName().equals(eventName)).findFirst();
  }

  // ---- validation rules ----

  /** Stores a named validation rule and its JSON as saved. */
  public void putRule(ValidationRule rule, ObjectNode json) {
    rules.put(rule.id(), rule);
    ruleJson.put(rule.id(), json);
  }

  /** A validation rule's JSON as saved. */
  public Optional<ObjectNode> ruleJson(ValidationRuleId id) {
    return Optional.ofNullable(ruleJson.get(id));
  }

  @Override
  public Optional<ValidationRule> find(ValidationRuleId id) {
    return Optional.ofNullable(rules.get(id));
  }

  // ---- orders ----

  /** The order by its id ({@code ord_…}) or its source id. */
  public Optional<StoredOrder> order(String idOrSourceId) {
    String id = orderIds.getOrDefault(idOrSourceId, idOrSourceId);
    return Optional.ofNullable(orders.get(id));
  }

  /** Stores the order under its id and, when it has one, its source id. */
  public void put(StoredOrder order, @Nullable String sourceId) {
    orders.put(order.id(), order);
    if (sourceId != null) {
      orderIds.put(sourceId, order.id());
    }
  }
}
