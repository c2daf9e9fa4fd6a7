package io.loyalty.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.RewardKind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The JSON form of the SPI records in the store's {@code body} columns, configured here so the SPI stays free of
 * Jackson: records by their components, sealed hierarchies tagged by {@code "@kind"} (the permitted subtype's name
 * in snake case), typed ids as plain strings, decimals exact with their scale ({@code 1.2E+3} stays scale -2),
 * instants as ISO strings with nanoseconds, durations and periods as ISO text, non-ASCII escaped, and null members
 * left out.
 */
final class SpiJson {
  /** The sealed hierarchies of the SPI that stored records carry. */
  static final List<Class<?>> SEALED = List.of(Trigger.class, Measure.class, PointsFormula.class, Condition.class,
      ItemTarget.class, ExpirationRule.class, MetaValue.class, LoyaltyEvent.class, RewardKind.class,
      io.loyalty.spi.store.OutboxEvent.Payload.class, io.loyalty.spi.tier.TierMapping.class);

  private static final ObjectMapper MAPPER = build();
  /** The same mapper for JSON trees that keep every decimal as written (a data migration rewrites stored rows). */
  private static final ObjectMapper TREES = MAPPER.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  /** The same mapper writing a ledger entry without its card (an outbox payload's entry of the event's card). */
  private static final ObjectMapper NO_CARD = MAPPER.copy().addMixIn(LedgerEntry.class, WithoutCard.class);
  /** The outbox event types by their wire names (the {@code type} column). */
  private static final java.util.Map<String, OutboxEvent.Type> TYPES = java.util.Arrays.stream(OutboxEvent.Type.values())
      .collect(java.util.stream.Collectors.toMap(OutboxEvent.Type::wireName, t -> t));

  private SpiJson() {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@kind")
  private interface Tagged {}

  @JsonIgnoreProperties("card")
  private interface WithoutCard {}

  /**
   * The deepest JSON a stored record may nest: far above what validated definitions produce (a condition nests at
   * most 32 levels, two JSON levels each), far below what could exhaust the stack.
   */
  static final int MAX_NESTING = 256;
  /** The longest string a stored record may hold: a hundred times the longest text the engine accepts. */
  static final int MAX_STRING = 1_000_000;

  private static ObjectMapper build() {
    SimpleModule ids = new SimpleModule("loyalty-ids");
    id(ids, AssignmentId.class, AssignmentId::of);
    id(ids, CardCode.class, CardCode::of);
    id(ids, CollectionId.class, CollectionId::of);
    id(ids, CustomerId.class, CustomerId::of);
    id(ids, EventId.class, EventId::of);
    id(ids, OrderId.class, OrderId::of);
    id(ids, ProductId.class, ProductId::of);
    id(ids, ProgramId.class, ProgramId::of);
    id(ids, RedemptionId.class, RedemptionId::of);
    id(ids, RewardId.class, RewardId::of);
    id(ids, RuleId.class, RuleId::of);
    id(ids, SchemaId.class, SchemaId::of);
    id(ids, SegmentId.class, SegmentId::of);
    id(ids, SkuId.class, SkuId::of);
    id(ids, io.loyalty.spi.TierId.class, io.loyalty.spi.TierId::of);
    id(ids, io.loyalty.spi.TierStructureId.class, io.loyalty.spi.TierStructureId::of);
    id(ids, ValidationRuleId.class, ValidationRuleId::of);
    id(ids, WalletId.class, WalletId::of);
    // a ledger key is stored as its text, which LedgerKey.parse reads back (rows written before keys were typed too)
    ids.addSerializer(LedgerKey.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<LedgerKey>(LedgerKey.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(LedgerKey key, com.fasterxml.jackson.core.JsonGenerator g,
          com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
        g.writeString(key.text());
      }
    });
    ids.addDeserializer(LedgerKey.class, new StdScalarDeserializer<LedgerKey>(LedgerKey.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public LedgerKey deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return LedgerKey.parse(p.getValueAsString());
      }
    });
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING)
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING).build())
        .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(ids)
        .visibility(PropertyAccessor.GETTER, Visibility.NONE)
        .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
        .visibility(PropertyAccessor.SETTER, Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, Visibility.ANY)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        // a null member is left out (read back as null: the same record); rows written with them read as before
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII);
    for (Class<?> sealed : SEALED) {
      builder.addMixIn(sealed, Tagged.class);
    }
    ObjectMapper mapper = builder.build();
    for (Class<?> sealed : SEALED) {
      for (Class<?> sub : sealed.getPermittedSubclasses()) {
        mapper.registerSubtypes(new NamedType(sub, snake(sub.getSimpleName())));
      }
    }
    return mapper;
  }

  private static <T> void id(SimpleModule module, Class<T> type, Function<String, T> parse) {
    module.addSerializer(type, ToStringSerializer.instance);
    module.addKeyDeserializer(type, new com.fasterxml.jackson.databind.KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) {
        return parse.apply(key); // ids as map keys: a tier's mappings by rule and by reward assignment
      }
    });
    module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse.apply(p.getValueAsString());
      }
    });
  }

  /** {@code OrderTotalAmount} becomes {@code order_total_amount}. */
  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new JdbcStoreException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * An outbox event's payload column (schema 6): only what the other columns do not hold, {@code program}, {@code at}
   * and the payload's one component by its name, {@code entry} (without its card when it is the event's),
   * {@code redemption}, {@code holder} or {@code tier} (the whole tier change).
   */
  static String payload(OutboxEvent event) {
    try (java.io.StringWriter out = new java.io.StringWriter(); com.fasterxml.jackson.core.JsonGenerator g =
        MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("program", event.program().value());
      g.writeFieldName("at");
      MAPPER.writeValue(g, event.at());
      if (event.payload() instanceof OutboxEvent.Transaction t) {
        g.writeFieldName("entry");
        (t.entry().card().equals(event.card()) ? NO_CARD : MAPPER).writeValue(g, t.entry());
      } else if (event.payload() instanceof OutboxEvent.RedemptionChange r) {
        g.writeFieldName("redemption");
        MAPPER.writeValue(g, r.redemption());
      } else if (event.payload() instanceof OutboxEvent.TierChange t) {
        g.writeFieldName("tier");
        MAPPER.writeValue(g, t);
      } else {
        g.writeStringField("holder", ((OutboxEvent.Membership) event.payload()).holder().value());
      }
      g.writeEndObject();
      g.flush();
      return out.toString();
    } catch (IOException e) {
      throw new JdbcStoreException("cannot write an OutboxEvent as JSON", e);
    }
  }

  /**
   * The outbox event of a row: its {@code id}, {@code type} and {@code aggregateid} columns and its {@link #payload}
   * (or, written before schema 6, the whole event).
   *
   * @throws JdbcStoreException with code {@code stored_definition_unreadable} for a row this version cannot read
   */
  static OutboxEvent event(String id, String type, String card, String payload) {
    try {
      JsonNode root = TREES.readTree(payload);
      if (root.has("payload")) {
        return read(payload, OutboxEvent.class);
      }
      OutboxEvent.Type kind = TYPES.get(type);
      if (kind == null) {
        throw new IllegalArgumentException("unknown outbox event type " + type);
      }
      OutboxEvent.Payload facts;
      if (root.get("entry") instanceof com.fasterxml.jackson.databind.node.ObjectNode entry) {
        if (!entry.has("card")) {
          entry.put("card", card);
        }
        facts = new OutboxEvent.Transaction(TREES.treeToValue(entry, LedgerEntry.class));
      } else if (root.has("redemption")) {
        facts = new OutboxEvent.RedemptionChange(TREES.treeToValue(root.get("redemption"), Redemption.class));
      } else if (root.has("tier")) {
        facts = TREES.treeToValue(root.get("tier"), OutboxEvent.TierChange.class);
      } else {
        facts = new OutboxEvent.Membership(CustomerId.of(root.get("holder").asText()));
      }
      return new OutboxEvent(id, kind, CardCode.of(card), ProgramId.of(root.get("program").asText()),
          TREES.treeToValue(root.get("at"), java.time.Instant.class), facts);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new JdbcStoreException(io.loyalty.spi.ErrorCode.STORED_DEFINITION_UNREADABLE,
          "cannot read a stored OutboxEvent from JSON", e);
    }
  }

  /**
   * A stored receipt's JSON without the per-program outcomes that skip a rule for {@code reason}; everything else is
   * written back as it was (same fields in the same order, exact numbers).
   */
  static String receiptWithoutOutcomesSkipped(String json, String reason) {
    try {
      JsonNode root = TREES.readTree(json);
      if (root.path("outcome").path("programs") instanceof ArrayNode programs) {
        for (int i = programs.size() - 1; i >= 0; i--) {
          for (JsonNode skip : programs.get(i).path("skipped")) {
            if (reason.equals(skip.path("reason").asText())) {
              programs.remove(i);
              break;
            }
          }
        }
      }
      return TREES.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new JdbcStoreException(io.loyalty.spi.ErrorCode.STORED_DEFINITION_UNREADABLE,
          "cannot read a stored EventReceipt from JSON", e);
    }
  }

  /**
   * Reads a stored record.
   *
   * @throws JdbcStoreException with code {@code stored_definition_unreadable} when the row is not a record this
   *     version accepts (corrupt, too deep, or refused by a record's checks since it was written)
   */
  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new JdbcStoreException(io.loyalty.spi.ErrorCode.STORED_DEFINITION_UNREADABLE,
          "cannot read a stored " + type.getSimpleName() + " from JSON", e);
    }
  }
}
