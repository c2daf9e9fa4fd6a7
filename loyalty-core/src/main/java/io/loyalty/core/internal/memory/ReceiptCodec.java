package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.EventReceipt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's compact form of an event receipt: the event and its outcome written into one byte array
 * (variable-length numbers, ids as text) and read back as equal records. A receipt is read only when its event comes
 * again (a retry, a refund of its order); kept as objects it would be the largest part of a member's footprint (the
 * event's order, lines, customer, ids and the outcome's records, about 500 bytes an event). The event id is not
 * written: it is the map key, and the decoded receipt shares it. Stateless and thread-safe.
 */
final class ReceiptCodec {
  private static final int ORDER_PAID = 0;
  private static final int SEGMENT_ENTERED = 1;
  private static final int CUSTOM_EVENT = 2;
  private static final int ORDER_REFUNDED = 3;
  private static final int TIER_MOVED = 4;
  private static final io.loyalty.spi.program.Trigger.TierEvent[] TIER_MOVES =
      io.loyalty.spi.program.Trigger.TierEvent.values();
  private static final CalculationType[] CALCULATION_TYPES = CalculationType.values();
  private static final SkipReason[] SKIP_REASONS = SkipReason.values();

  private ReceiptCodec() {}

  /** The stored program versions an outcome refers to (every stored version stays readable). */
  @FunctionalInterface
  interface Programs {
    /** The stored version, or {@code null}. */
    @Nullable
    Program version(ProgramId id, long version);
  }

  /** The receipt's bytes, written through {@code scratch} (a caller's reusable buffer, any size). */
  static byte[] encode(EventReceipt receipt, Programs programs, byte[] scratch) {
    Writer w = new Writer(scratch);
    LoyaltyEvent event = receipt.event();
    w.instant(event.occurredAt());
    customer(w, event.customer());
    w.nullableText(event.card() == null ? null : event.card().value());
    if (event instanceof OrderPaid paid) {
      w.varint(ORDER_PAID);
      order(w, paid.order());
    } else if (event instanceof SegmentEntered entered) {
      w.varint(SEGMENT_ENTERED);
      w.text(entered.segment().value());
    } else if (event instanceof CustomEvent custom) {
      w.varint(CUSTOM_EVENT);
      w.text(custom.eventName());
      metadata(w, custom.metadata());
    } else if (event instanceof io.loyalty.spi.event.TierMoved moved) {
      w.varint(TIER_MOVED);
      w.varint(moved.move().ordinal());
      w.text(moved.tier().value());
      w.varint(moved.cascade());
    } else {
      OrderRefunded refund = (OrderRefunded) event;
      w.varint(ORDER_REFUNDED);
      w.text(refund.order().value());
      w.varint(refund.lines().size());
      List<RefundLine> refundLines = refund.lines();
      for (int i = 0; i < refundLines.size(); i++) {
        RefundLine line = refundLines.get(i);
        w.signed(line.line());
        w.signed(line.quantity());
      }
    }
    EventOutcome outcome = receipt.outcome();
    // The outcome repeats the event's id, name and time: a flag says so instead of writing them again.
    boolean sameId = outcome.event().equals(event.id());
    boolean sameName = outcome.eventName().equals(event.name());
    boolean sameAt = outcome.at().equals(event.occurredAt());
    w.varint((sameId ? 1 : 0) | (sameName ? 2 : 0) | (sameAt ? 4 : 0));
    if (!sameId) {
      w.text(outcome.event().value());
    }
    if (!sameName) {
      w.text(outcome.eventName());
    }
    if (!sameAt) {
      w.instant(outcome.at());
    }
    w.varint(outcome.programs().size());
    for (int i = 0; i < outcome.programs().size(); i++) {
      ProgramOutcome program = outcome.programs().get(i);
      programOutcome(w, program, programs);
    }
    inputs(w, receipt.inputs(), outcome.programs());
    return w.bytes();
  }

  /** The inputs, one per program outcome in its order (else the receipt is kept as a record). */
  private static void inputs(Writer w, List<ProgramInputs> inputs, List<ProgramOutcome> programs) {
    if (inputs.isEmpty()) {
      w.varint(0);
      return;
    }
    if (inputs.size() != programs.size()) {
      throw new IllegalArgumentException("inputs not one per program");
    }
    w.varint(1);
    for (int i = 0; i < inputs.size(); i++) {
      ProgramInputs in = inputs.get(i);
      if (!in.program().equals(programs.get(i).program()) || !in.answers().validationRules().isEmpty()
          || !in.room().isEmpty() || !in.limited().isEmpty()) {
        throw new IllegalArgumentException("inputs out of order, or with named rules: kept as a record");
      }
      w.varint(in.block() == null ? 0 : in.block().ordinal() + 1);
      w.varint(in.awarded().size());
      in.awarded().forEach(rule -> w.text(rule.value()));
      List<HostAnswers.CollectionAnswer> answers = in.answers().collections();
      w.varint(answers.size());
      for (HostAnswers.CollectionAnswer a : answers) {
        w.text(a.collection().value());
        w.nullableText(a.product() == null ? null : a.product().value());
        w.nullableText(a.sku() == null ? null : a.sku().value());
        w.varint(a.contains() ? 1 : 0);
      }
      w.varint(in.held().size());
      for (ProgramInputs.RulePoints h : in.held()) {
        w.text(h.rule().value());
        w.signed(h.points());
      }
      w.varint(in.basis().size());
      in.basis().forEach(e -> w.text(e.value()));
      w.nullableText(in.tier() == null ? null : in.tier().value());
    }
  }

  private static List<ProgramInputs> inputs(Reader r, ProgramOutcome[] programs) {
    if (r.varint() == 0) {
      return List.of();
    }
    ProgramInputs[] inputs = new ProgramInputs[programs.length];
    for (int i = 0; i < inputs.length; i++) {
      int block = r.varint();
      RuleId[] awarded = new RuleId[r.varint()];
      for (int k = 0; k < awarded.length; k++) {
        awarded[k] = RuleId.of(r.text());
      }
      HostAnswers.CollectionAnswer[] answers = new HostAnswers.CollectionAnswer[r.varint()];
      for (int k = 0; k < answers.length; k++) {
        CollectionId collection = CollectionId.of(r.text());
        String product = r.nullableText();
        String sku = r.nullableText();
        answers[k] = new HostAnswers.CollectionAnswer(collection, product == null ? null : ProductId.of(product),
            sku == null ? null : SkuId.of(sku), r.varint() == 1);
      }
      ProgramInputs.RulePoints[] held = new ProgramInputs.RulePoints[r.varint()];
      for (int k = 0; k < held.length; k++) {
        held[k] = new ProgramInputs.RulePoints(RuleId.of(r.text()), r.signed());
      }
      EventId[] basis = new EventId[r.varint()];
      for (int k = 0; k < basis.length; k++) {
        basis[k] = EventId.of(r.text());
      }
      String tier = r.nullableText();
      inputs[i] = new ProgramInputs(programs[i].program(), block == 0 ? null : SKIP_REASONS[block - 1],
          List.of(awarded), answers.length == 0 ? HostAnswers.NONE : new HostAnswers(List.of(answers), List.of()),
          List.of(held), List.of(basis), tier == null ? null : io.loyalty.spi.TierId.of(tier));
    }
    return List.of(inputs);
  }

  /** The receipt of the event with this id, from {@link #encode}'s bytes. */
  static EventReceipt decode(EventId id, byte[] bytes, Programs definitions) {
    Reader r = new Reader(bytes);
    Instant occurredAt = r.instant();
    Customer customer = customer(r);
    String cardText = r.nullableText();
    CardCode card = cardText == null ? null : CardCode.of(cardText);
    LoyaltyEvent event = switch (r.varint()) {
      case ORDER_PAID -> new OrderPaid(id, occurredAt, customer, order(r), card);
      case SEGMENT_ENTERED -> new SegmentEntered(id, occurredAt, customer, SegmentId.of(r.text()), card);
      case CUSTOM_EVENT -> new CustomEvent(id, occurredAt, customer, r.text(), metadata(r), card);
      case TIER_MOVED -> new io.loyalty.spi.event.TierMoved(id, occurredAt, customer,
          java.util.Objects.requireNonNull(card, "a tier move names its card"), TIER_MOVES[r.varint()],
          io.loyalty.spi.TierId.of(r.text()), r.varint());
      case ORDER_REFUNDED -> {
        OrderId order = OrderId.of(r.text());
        RefundLine[] lines = new RefundLine[r.varint()];
        for (int i = 0; i < lines.length; i++) {
          lines[i] = new RefundLine((int) r.signed(), r.signed());
        }
        yield new OrderRefunded(id, occurredAt, customer, order, List.of(lines), card);
      }
      default -> throw new IllegalStateException("unknown event kind in a stored receipt");
    };
    int flags = r.varint();
    EventId outcomeId = (flags & 1) != 0 ? id : EventId.of(r.text());
    String name = (flags & 2) != 0 ? event.name() : r.text();
    Instant at = (flags & 4) != 0 ? occurredAt : r.instant();
    ProgramOutcome[] programs = new ProgramOutcome[r.varint()];
    for (int i = 0; i < programs.length; i++) {
      programs[i] = programOutcome(r, definitions);
    }
    List<ProgramInputs> inputs = inputs(r, programs);
    return new EventReceipt(event, new EventOutcome(outcomeId, name, at, List.of(programs)), inputs);
  }

  // ---- parts ----

  private static void customer(Writer w, Customer customer) {
    w.text(customer.id().value());
    metadata(w, customer.metadata());
    w.varint(customer.segments().size());
    for (SegmentId segment : customer.segments()) {
      w.text(segment.value());
    }
  }

  private static Customer customer(Reader r) {
    CustomerId id = CustomerId.of(r.text());
    Metadata metadata = metadata(r);
    int n = r.varint();
    if (n == 0) {
      return new Customer(id, metadata, Set.of());
    }
    Set<SegmentId> segments = new HashSet<>();
    for (int i = 0; i < n; i++) {
      segments.add(SegmentId.of(r.text()));
    }
    return new Customer(id, metadata, segments);
  }

  private static void order(Writer w, Order order) {
    w.text(order.id().value());
    w.text(order.currency().getCurrencyCode());
    w.signed(order.amount());
    w.signed(order.totalAmount());
    w.varint(order.items().size());
    List<OrderItem> items = order.items();
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      w.nullableText(item.product() == null ? null : item.product().value());
      w.nullableText(item.sku() == null ? null : item.sku().value());
      w.signed(item.quantity());
      w.signed(item.price());
      w.signed(item.amount());
      w.signed(item.subtotalAmount());
      metadata(w, item.metadata());
    }
    metadata(w, order.metadata());
  }

  private static Order order(Reader r) {
    OrderId id = OrderId.of(r.text());
    Currency currency = Currency.getInstance(r.text());
    long amount = r.signed();
    long total = r.signed();
    OrderItem[] items = new OrderItem[r.varint()];
    for (int i = 0; i < items.length; i++) {
      String product = r.nullableText();
      String sku = r.nullableText();
      items[i] = new OrderItem(product == null ? null : ProductId.of(product), sku == null ? null : SkuId.of(sku),
          r.signed(), r.signed(), r.signed(), r.signed(), metadata(r));
    }
    return new Order(id, currency, amount, total, List.of(items), metadata(r));
  }

  private static void metadata(Writer w, Metadata metadata) {
    w.varint(metadata.values().size());
    if (metadata.isEmpty()) {
      return;
    }
    for (Map.Entry<String, MetaValue> e : metadata.values().entrySet()) {
      w.text(e.getKey());
      MetaValue value = e.getValue();
      if (value instanceof MetaValue.Num n) {
        w.varint(0);
        w.decimal(n.value());
      } else if (value instanceof MetaValue.Text t) {
        w.varint(1);
        w.text(t.value());
      } else {
        w.varint(((MetaValue.Flag) value).value() ? 3 : 2);
      }
    }
  }

  private static Metadata metadata(Reader r) {
    int n = r.varint();
    if (n == 0) {
      return Metadata.EMPTY;
    }
    Map<String, MetaValue> values = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = r.text();
      int kind = r.varint();
      values.put(key, switch (kind) {
        case 0 -> new MetaValue.Num(r.decimal());
        case 1 -> new MetaValue.Text(r.text());
        default -> new MetaValue.Flag(kind == 3);
      });
    }
    return new Metadata(values);
  }

  private static void programOutcome(Writer w, ProgramOutcome p, Programs programs) {
    w.text(p.program().value());
    w.signed(p.programVersion());
    Program definition = programs.version(p.program(), p.programVersion());
    List<EarningRule> rules = definition == null ? List.of() : definition.earningRules();
    int next = 0;
    w.nullableText(p.card() == null ? null : p.card().value());
    w.varint(p.joined() ? 1 : 0);
    w.signed(p.points());
    w.varint(p.accruals().size());
    List<Accrual> accruals = p.accruals();
    for (int i = 0; i < accruals.size(); i++) {
      Accrual a = accruals.get(i);
      // An accrual names a rule of the stored program version, in rule order: its position stands for its id and
      // banner (written out only when they differ from the rule's).
      int k = ruleAt(rules, a, next);
      if (k >= 0) {
        w.varint(k + 1);
        next = k + 1;
      } else {
        w.varint(0);
        w.text(a.rule().value());
        w.text(a.banner());
      }
      w.varint(a.calculationType() == null ? 0 : a.calculationType().ordinal() + 1);
      if (a.measured() == null) {
        w.varint(0);
      } else {
        w.varint(1);
        w.decimal(a.measured());
      }
      w.signed(a.points());
      w.varint(a.lines().size());
      List<LineShare> lines = a.lines();
      for (int j = 0; j < lines.size(); j++) {
        LineShare share = lines.get(j);
        w.signed(share.line());
        w.signed(share.value());
      }
    }
    w.varint(p.skipped().size());
    List<Skip> skipped = p.skipped();
    for (int i = 0; i < skipped.size(); i++) {
      Skip s = skipped.get(i);
      w.text(s.rule().value());
      w.varint(s.reason().ordinal());
      w.text(s.detail());
    }
    w.varint(p.reversals().size());
    List<Reversal> reversals = p.reversals();
    for (int i = 0; i < reversals.size(); i++) {
      Reversal v = reversals.get(i);
      w.text(v.rule().value());
      w.signed(v.owed());
      w.signed(v.pending());
      w.signed(v.active());
      w.signed(v.debt());
      w.signed(v.shortfall());
    }
    w.nullableText(p.autoRedemption() == null ? null : p.autoRedemption().value());
  }

  private static int ruleAt(List<EarningRule> rules, Accrual a, int from) {
    for (int k = from; k < rules.size(); k++) {
      EarningRule rule = rules.get(k);
      if (rule.id() == a.rule() || rule.id().equals(a.rule())) {
        return rule.banner() == a.banner() || rule.banner().equals(a.banner()) ? k : -1;
      }
    }
    return -1;
  }

  private static ProgramOutcome programOutcome(Reader r, Programs programs) {
    ProgramId program = ProgramId.of(r.text());
    long version = r.signed();
    Program definition = programs.version(program, version);
    String card = r.nullableText();
    boolean joined = r.varint() == 1;
    long points = r.signed();
    Accrual[] accruals = new Accrual[r.varint()];
    for (int i = 0; i < accruals.length; i++) {
      int k = r.varint();
      RuleId rule;
      String banner;
      if (k > 0) {
        // a rule is written by position only when its program version is stored (encode checks it)
        EarningRule earning = java.util.Objects.requireNonNull(definition, "the receipt's program version")
            .earningRules().get(k - 1);
        rule = earning.id();
        banner = earning.banner();
      } else {
        rule = RuleId.of(r.text());
        banner = r.text();
      }
      int type = r.varint();
      BigDecimal measured = r.varint() == 0 ? null : r.decimal();
      long accrued = r.signed();
      LineShare[] lines = new LineShare[r.varint()];
      for (int j = 0; j < lines.length; j++) {
        lines[j] = new LineShare((int) r.signed(), r.signed());
      }
      accruals[i] = new Accrual(rule, banner, type == 0 ? null : CALCULATION_TYPES[type - 1], measured, accrued,
          List.of(lines));
    }
    Skip[] skipped = new Skip[r.varint()];
    for (int i = 0; i < skipped.length; i++) {
      skipped[i] = new Skip(RuleId.of(r.text()), SKIP_REASONS[r.varint()], r.text());
    }
    Reversal[] reversals = new Reversal[r.varint()];
    for (int i = 0; i < reversals.length; i++) {
      reversals[i] = new Reversal(RuleId.of(r.text()), r.signed(), r.signed(), r.signed(), r.signed(), r.signed());
    }
    String redemption = r.nullableText();
    return new ProgramOutcome(program, version, card == null ? null : CardCode.of(card), joined, points,
        List.of(accruals), List.of(skipped), List.of(reversals), redemption == null ? null : RedemptionId.of(redemption));
  }

  // ---- bytes ----

  /** Appends variable-length numbers and texts. */
  private static final class Writer {
    private byte[] buf;
    private int size;

    /** Writes into the scratch buffer (grown into a new one when too small); {@link #bytes} copies out the result. */
    Writer(byte[] scratch) {
      buf = scratch;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, size);
    }

    private void put(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, size * 2 + 16);
      }
      buf[size++] = (byte) b;
    }

    void varint(long v) {
      ensure(10);
      byte[] b = buf;
      int at = size;
      while ((v & ~0x7FL) != 0) {
        b[at++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      b[at++] = (byte) v;
      size = at;
    }

    void signed(long v) {
      varint((v << 1) ^ (v >> 63)); // zig-zag: small magnitudes of either sign stay short
    }

    void instant(Instant at) {
      signed(at.getEpochSecond());
      varint(at.getNano());
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    /** A text: its length and whether every char fits a byte, then one byte (or two) per char. Lossless. */
    void text(String s) {
      int n = s.length();
      ensure(2 * n + 10);
      int start = size;
      varint((long) n << 1);
      int at = size;
      byte[] b = buf;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x100) {
          // Not every char fits a byte: write it again, two bytes a char.
          size = start;
          varint(((long) n << 1) | 1);
          for (int k = 0; k < n; k++) {
            char w = s.charAt(k);
            buf[size++] = (byte) (w >>> 8);
            buf[size++] = (byte) w;
          }
          return;
        }
        b[at + i] = (byte) c;
      }
      size = at + n;
    }

    void nullableText(@Nullable String s) {
      if (s == null) {
        varint(0);
      } else {
        varint(1);
        text(s);
      }
    }

    /** A number as its scale and unscaled value, so it reads back equal (scale included). */
    void decimal(BigDecimal d) {
      signed(d.scale());
      if (d.scale() == 0 && d.precision() < 19) {
        varint(0);
        signed(d.longValueExact()); // a whole number (most measured values): no BigInteger to build
        return;
      }
      BigInteger unscaled = d.unscaledValue();
      if (unscaled.bitLength() < 63) {
        varint(0);
        signed(unscaled.longValue());
      } else {
        byte[] b = unscaled.toByteArray();
        varint(b.length);
        for (byte x : b) {
          put(x);
        }
      }
    }
  }

  /** Reads what {@link Writer} wrote. */
  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    long varlong() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    int varint() {
      return (int) varlong();
    }

    long signed() {
      long v = varlong();
      return (v >>> 1) ^ -(v & 1);
    }

    Instant instant() {
      long seconds = signed();
      return Instant.ofEpochSecond(seconds, varlong());
    }

    String text() {
      long header = varlong();
      int n = (int) (header >>> 1);
      if ((header & 1) == 0) {
        String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
      }
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = (char) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
        pos += 2;
      }
      return new String(chars);
    }

    @Nullable
    String nullableText() {
      return varint() == 0 ? null : text();
    }

    BigDecimal decimal() {
      int scale = (int) signed();
      int kind = varint();
      if (kind == 0) {
        return BigDecimal.valueOf(signed(), scale);
      }
      byte[] b = Arrays.copyOfRange(buf, pos, pos + kind);
      pos += kind;
      return new BigDecimal(new BigInteger(b), scale);
    }
  }
}
