package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.read.Problems;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object of a v2 body being read, with its path: unknown fields are reported when it is opened, and every
 * getter records a violation under the field's path instead of throwing. A {@code null} value is the same as an absent
 * one, as the OpenAPI's nullable fields say. Not thread-safe.
 */
public final class Obj {
  /** Voucherify's largest safe integer ({@code 2^53 - 1}), the OpenAPI's maximum for points and amounts. */
  public static final long MAX_SAFE = 9_007_199_254_740_991L;

  final Problems p;
  final String path;
  final ObjectNode node;

  private Obj(Problems p, String path, ObjectNode node) {
    this.p = p;
    this.path = path;
    this.node = node;
  }

  /** Opens the node as an object with only the given fields; null (recorded) when it is not an object. */
  public static @Nullable Obj open(Problems p, String path, @Nullable JsonNode node, Set<String> fields) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!(node instanceof ObjectNode o)) {
      p.add(Problem.WRONG_TYPE, path.isEmpty() ? "$" : path, "must be an object", null);
      return null;
    }
    for (String f : (Iterable<String>) o::fieldNames) {
      if (!fields.contains(f)) {
        p.add(Problem.UNKNOWN_FIELD, at(path, f), "is not a field of this object; known: " + String.join(", ",
            new java.util.TreeSet<>(fields)), null);
      }
    }
    return new Obj(p, path, o);
  }

  static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The field's path. */
  public String at(String field) {
    return at(path, field);
  }

  /** Whether the field is present and not null. */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  @Nullable JsonNode raw(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** A nested object, or null when absent. */
  public @Nullable Obj obj(String field, Set<String> fields) {
    return open(p, at(field), raw(field), fields);
  }

  /** A required nested object. */
  public @Nullable Obj reqObj(String field, Set<String> fields) {
    if (!has(field)) {
      p.add(Problem.MISSING_VALUE, at(field), "is required", null);
      return null;
    }
    return obj(field, fields);
  }

  /** The raw object node of a field (metadata, rules), null when absent or not an object (recorded). */
  public @Nullable ObjectNode objectNode(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof ObjectNode o)) {
      p.add(Problem.WRONG_TYPE, at(field), "must be an object", null);
      return null;
    }
    return o;
  }

  /** A text, or null when absent; a non-text is WRONG_TYPE. */
  public @Nullable String text(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      p.add(Problem.WRONG_TYPE, at(field), "must be a text", null);
      return null;
    }
    return v.textValue();
  }

  /** A required text of {@code min}–{@code max} characters. */
  public @Nullable String reqText(String field, int min, int max) {
    String t = text(field);
    if (t == null) {
      if (!has(field)) {
        p.add(Problem.MISSING_VALUE, at(field), "is required", null);
      }
      return null;
    }
    if (t.length() < min || t.length() > max) {
      p.add(Problem.LIMIT_EXCEEDED, at(field), "must have " + min + " to " + max + " characters", t.length());
      return null;
    }
    return t;
  }

  /** A flag, or null when absent. */
  public @Nullable Boolean flag(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      p.add(Problem.WRONG_TYPE, at(field), "must be true or false", null);
      return null;
    }
    return v.booleanValue();
  }

  /** A whole number from {@code min} to {@code max}, or null when absent. Fractions are NOT_AN_INTEGER. */
  public @Nullable Long integer(String field, long min, long max) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      p.add(Problem.WRONG_TYPE, at(field), "must be a whole number", null);
      return null;
    }
    BigDecimal d = v.decimalValue();
    BigInteger whole;
    try {
      whole = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      p.add(Problem.NOT_AN_INTEGER, at(field), "must be a whole number", null);
      return null;
    }
    if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      p.add(Problem.OUT_OF_RANGE, at(field), "must be from " + min + " to " + max, whole.bitLength() < 64 ? whole.longValue() : null);
      return null;
    }
    return whole.longValue();
  }

  /** A required whole number. */
  public @Nullable Long reqInteger(String field, long min, long max) {
    if (!has(field)) {
      p.add(Problem.MISSING_VALUE, at(field), "is required", null);
      return null;
    }
    return integer(field, min, max);
  }

  /** A value from a fixed table by its wire name, or null when absent; unknown is UNKNOWN_ENUM_VALUE. */
  public <E> @Nullable E oneOf(String field, Map<String, E> allowed) {
    String t = text(field);
    return t == null ? null : p.oneOf(at(field), t, allowed);
  }

  /** A required value from a fixed table. */
  public <E> @Nullable E reqOneOf(String field, Map<String, E> allowed) {
    if (!has(field)) {
      p.add(Problem.MISSING_VALUE, at(field), "is required; one of " + String.join(", ", allowed.keySet()), null);
      return null;
    }
    return oneOf(field, allowed);
  }

  /** The elements of an array field with {@code min}–{@code max} items (empty when absent and min is 0). */
  public List<JsonNode> array(String field, int min, int max) {
    JsonNode v = raw(field);
    if (v == null) {
      if (min > 0) {
        p.add(Problem.MISSING_VALUE, at(field), "is required, with " + min + " to " + max + " items", null);
      }
      return List.of();
    }
    if (!(v instanceof ArrayNode a)) {
      p.add(Problem.WRONG_TYPE, at(field), "must be an array", null);
      return List.of();
    }
    if (a.size() < min || a.size() > max) {
      p.add(Problem.LIMIT_EXCEEDED, at(field), "must have " + min + " to " + max + " items", (long) a.size());
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    return out;
  }

  /** Records that the field's value is valid Voucherify but not represented by the engine. */
  public void notSupported(String field, String why, @Nullable Object value) {
    p.add(Problem.NOT_SUPPORTED, at(field), why, value);
  }

  /** The problems of the body. */
  public Problems problems() {
    return p;
  }

  /** The path of this object. */
  public String path() {
    return path;
  }
}
