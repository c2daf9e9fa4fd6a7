package io.loyalty.json.internal.read;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.json.BalanceChange;
import io.loyalty.json.MemberRequest;
import io.loyalty.json.PointsTransfer;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.BalanceWire;
import io.loyalty.json.internal.wire.CustomerWire;
import io.loyalty.json.internal.wire.EventSchemaWire;
import io.loyalty.json.internal.wire.MemberWire;
import io.loyalty.json.internal.wire.TransferWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.Limits;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.EventSchema.PropertySpec;
import io.loyalty.spi.program.EventSchema.PropertyType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bodies whose engine calls take plain arguments (balance changes, transfers, add member) and the host's
 * own resources the engine asks about (customers, custom event schemas).
 */
public final class HostReader {
  /** The largest number of points one balance change or transfer may move, as the engine's own limit. */
  public static final long MAX_POINTS = 1_000_000_000_000L;

  private HostReader() {}

  /** A balance body: {@code points} (signed, not 0), {@code expiration_type}, {@code expiration_date}, reason, source id. */
  public static BalanceChange balance(BalanceWire w) {
    Problems p = new Problems();
    Long points = p.required("points", w.points());
    if (points != null && (points == 0 || points < -MAX_POINTS || points > MAX_POINTS)) {
      p.add(Problem.OUT_OF_RANGE, "points", "must be from -" + MAX_POINTS + " to " + MAX_POINTS + " and not 0", points);
    }
    String type = w.expirationType() == null ? "PROGRAM_RULES" : w.expirationType();
    String kind = p.oneOf("expiration_type", type, CommonReader.names("PROGRAM_RULES", "CUSTOM_DATE", "NON_EXPIRING"));
    AddedPointsExpiry expiry = AddedPointsExpiry.programRules();
    if ("CUSTOM_DATE".equals(kind)) {
      LocalDate day = day(p, "expiration_date", w.expirationDate());
      if (day != null) {
        expiry = AddedPointsExpiry.on(day);
      }
    } else if ("NON_EXPIRING".equals(kind)) {
      expiry = AddedPointsExpiry.never();
    }
    String reason = w.reason() == null ? "" : p.text("reason", w.reason(), Limits.MAX_TEXT_LENGTH);
    String sourceId = w.sourceId() == null ? null : p.text("source_id", w.sourceId(), Limits.MAX_ID_LENGTH);
    p.done();
    return new BalanceChange(p.must(points), expiry, p.must(reason), sourceId);
  }

  /** One transfer element, its paths prefixed {@code at}. */
  public static PointsTransfer transfer(TransferWire w, String at) {
    Problems p = new Problems();
    CardCode code = p.idOf(at + ".code", w.code(), CardCode::of);
    Long points = p.required(at + ".points", w.points());
    if (points != null) {
      p.range(at + ".points", points, 1, MAX_POINTS);
    }
    String reason = w.reason() == null ? "" : p.text(at + ".reason", w.reason(), Limits.MAX_TEXT_LENGTH);
    String sourceId = p.text(at + ".source_id", w.sourceId(), Limits.MAX_ID_LENGTH);
    p.done();
    return new PointsTransfer(p.must(code), p.must(points), p.must(reason), p.must(sourceId));
  }

  /** An add-member body: the customer as an object or as its bare source id, the code to publish, the source id. */
  public static MemberRequest member(MemberWire w, @Nullable CustomerWire customerObject) {
    Problems p = new Problems();
    Customer customer;
    var given = w.customer();
    if (given != null && given.isTextual()) {
      customer = p.engine("customer", () -> Customer.of(given.asText()));
    } else if (given == null || given.isNull()) {
      p.add(Problem.MISSING_VALUE, "customer", "is required", null);
      customer = null;
    } else if (customerObject == null) {
      p.add(Problem.WRONG_TYPE, "customer", "must be an object or a text", null);
      customer = null;
    } else {
      customer = EventReader.customer(p, "customer", customerObject, null);
    }
    CardCode code = w.voucher() == null ? null : p.idOf("voucher", w.voucher(), CardCode::of);
    String sourceId = w.sourceId() == null ? null : p.text("source_id", w.sourceId(), Limits.MAX_ID_LENGTH);
    p.metadata("metadata", w.metadata());
    p.done();
    return new MemberRequest(p.must(customer), code, sourceId);
  }

  /** A customer body ({@code POST /v1/customers}): its source id (else id) and metadata. */
  public static Customer customer(CustomerWire w) {
    Problems p = new Problems();
    Customer customer = EventReader.customer(p, "customer", w, null);
    p.done();
    return p.must(customer);
  }

  /** A custom event's schema with the host's id: {@code related_object} is the event's name. */
  public static EventSchema eventSchema(EventSchemaWire w, SchemaId id) {
    Problems p = new Problems();
    String name = p.text("related_object", w.relatedObject(), 300);
    Map<String, PropertySpec> properties = new LinkedHashMap<>();
    if (w.properties() != null) {
      Map<String, PropertyType> types = CommonReader.table("string", PropertyType.STRING, "number", PropertyType.NUMBER,
          "boolean", PropertyType.BOOLEAN);
      w.properties().forEach((key, property) -> {
        String at = "properties." + key;
        if (property == null) {
          p.add(Problem.MISSING_VALUE, at, "must be an object", null);
          return;
        }
        PropertyType type = p.oneOf(at + ".type", p.required(at + ".type", property.type()), types);
        if (type != null) {
          properties.put(key, new PropertySpec(type, Boolean.TRUE.equals(property.optional())));
        }
      });
    }
    p.done();
    return new EventSchema(id, p.must(name), properties, Boolean.TRUE.equals(w.allowDefinedOnly()));
  }

  /** A date, {@code YYYY-MM-DD}, or a date-time (Voucherify's current client sends one), as its calendar day. */
  private static @Nullable LocalDate day(Problems p, String path, @Nullable String text) {
    if (text == null) {
      p.required(path, text);
      return null;
    }
    if (text.length() > 10) {
      try {
        return OffsetDateTime.parse(text).toLocalDate();
      } catch (DateTimeParseException e) {
        p.add(Problem.INVALID_VALUE, path, "must be an ISO 8601 date or date-time, such as 2024-01-31", text);
        return null;
      }
    }
    return p.date(path, text);
  }
}
