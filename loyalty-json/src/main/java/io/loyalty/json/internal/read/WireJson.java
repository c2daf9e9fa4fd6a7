package io.loyalty.json.internal.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.loyalty.json.WireInputException;
import io.loyalty.json.WireInputException.Problem;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one configured {@link ObjectMapper} of the wire: snake_case, strict about unknown fields, duplicate keys,
 * trailing tokens and type coercions, bounded by {@link StreamReadConstraints}; and the translation of every Jackson
 * failure into a {@link WireInputException} with the JSON path. Immutable and thread-safe once built.
 */
public final class WireJson {
  /** The deepest nesting of objects and arrays a body may have. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** The longest string value, in characters. */
  public static final int MAX_STRING_LENGTH = 100_000;
  /** The most digits of a number. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** The longest field name. */
  public static final int MAX_NAME_LENGTH = 256;
  /** The largest body, in characters. */
  public static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;

  private final ObjectMapper mapper;

  /** Builds the mapper. */
  public WireJson() {
    JsonMapper m = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // exact decimals as written, never 1E+3
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
        .build());
    // points may come as numeric text ("5", as in Voucherify's own examples); nothing else is coerced
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    this.mapper = m;
  }

  /** Reads a body as one object of the type. */
  public <T> T read(String json, Class<T> type) {
    return read(json, mapper.constructType(type));
  }

  /** Reads a body as a JSON array of the type. */
  public <T> List<T> readList(String json, Class<T> type) {
    return read(json, mapper.getTypeFactory().constructCollectionType(List.class, type));
  }

  private <T> T read(String json, JavaType type) {
    if (json.length() > MAX_DOCUMENT_LENGTH) {
      throw WireInputException.of(Problem.LIMIT_EXCEEDED, "$", "must be at most " + MAX_DOCUMENT_LENGTH + " characters",
          (long) json.length());
    }
    JsonParser parser = null;
    try {
      parser = mapper.createParser(json);
      T value = mapper.readValue(parser, type);
      if (value == null) {
        throw WireInputException.of(Problem.MISSING_VALUE, "$", "must be a JSON " + (type.isCollectionLikeType() ? "array" : "object"), null);
      }
      return value;
    } catch (IOException e) {
      // where the parser stopped is the deepest path known; databind's own path may stop at the enclosing field
      String stoppedAt = parser == null ? "$" : pointerPath(parser.getParsingContext().pathAsPointer().toString());
      throw translate(e, stoppedAt);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // a parser over a String holds no resource
        }
      }
    }
  }

  /** Writes a wire DTO as JSON. */
  public String write(Object dto) {
    try {
      return mapper.writeValueAsString(dto);
    } catch (JsonProcessingException e) {
      // the DTOs are plain records of texts, numbers and lists: failing to write one is a bug
      throw new IllegalStateException("a wire DTO could not be written: " + dto.getClass().getSimpleName(), e);
    }
  }

  /** The JSON failure as a typed error naming the path; never quotes more of the input than a bounded value. */
  static WireInputException translate(IOException e, String stoppedAt) {
    String mapped = e instanceof JacksonException j ? path(j) : "$";
    String path = stoppedAt.startsWith(mapped) || mapped.equals("$") ? stoppedAt : mapped;
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (e instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
      return WireInputException.of(Problem.LIMIT_EXCEEDED, path, "goes past the reader's limits (nesting depth "
          + MAX_NESTING_DEPTH + ", strings of " + MAX_STRING_LENGTH + " characters, numbers of " + MAX_NUMBER_LENGTH
          + " digits, names of " + MAX_NAME_LENGTH + " characters, " + MAX_DOCUMENT_LENGTH + " characters in all)", null);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return WireInputException.of(Problem.UNKNOWN_FIELD, path, "is not a field of this object", u.getPropertyName());
    }
    if (e instanceof InputCoercionException || cause instanceof InputCoercionException) {
      return WireInputException.of(Problem.OUT_OF_RANGE, path, "must be a whole number from " + Long.MIN_VALUE
          + " to " + Long.MAX_VALUE, null);
    }
    if (e instanceof InvalidFormatException f) {
      Class<?> target = f.getTargetType();
      Object value = f.getValue();
      if (isIntegral(target) && (value instanceof Number
          || value instanceof String s && s.matches("[+-]?[0-9]*\\.[0-9]*([eE][+-]?[0-9]+)?|[+-]?[0-9]+[eE][+-]?[0-9]+"))) {
        return WireInputException.of(Problem.NOT_AN_INTEGER, path, "must be a whole number (points and amounts in minor"
            + " units have no fraction)", value instanceof String s ? s : String.valueOf(value));
      }
      if (isIntegral(target) && value instanceof String s && s.matches("[+-]?[0-9]+")) {
        return WireInputException.of(Problem.OUT_OF_RANGE, path, "must be a whole number from " + Long.MIN_VALUE
            + " to " + Long.MAX_VALUE, null);
      }
      return WireInputException.of(Problem.WRONG_TYPE, path, "must be " + describe(target), null);
    }
    if (e instanceof MismatchedInputException m && m.getMessage() != null
        && (m.getMessage().startsWith("Trailing token") || m.getMessage().startsWith("No content to map"))) {
      return WireInputException.of(Problem.MALFORMED_JSON, path, "must be exactly one JSON value", null);
    }
    if (e instanceof MismatchedInputException m) {
      Class<?> target = m.getTargetType();
      if (target != null && isIntegral(target) && m.getMessage() != null && m.getMessage().contains("Floating-point")) {
        return WireInputException.of(Problem.NOT_AN_INTEGER, path, "must be a whole number (points and amounts in minor"
            + " units have no fraction)", null);
      }
      return WireInputException.of(Problem.WRONG_TYPE, path, "must be " + (target == null ? "of another JSON type" : describe(target)), null);
    }
    return WireInputException.of(Problem.MALFORMED_JSON, path, "is not well-formed JSON", null);
  }

  private static boolean isIntegral(@Nullable Class<?> type) {
    return type == Long.class || type == long.class || type == Integer.class || type == int.class;
  }

  private static String describe(Class<?> type) {
    if (isIntegral(type)) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (java.math.BigDecimal.class == type) {
      return "a number";
    }
    return "an object";
  }

  private static String path(JacksonException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (JsonMappingException.Reference ref : m.getPath()) {
        if (ref.getFieldName() != null) {
          if (out.length() > 0) {
            out.append('.');
          }
          out.append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          out.append('[').append(ref.getIndex()).append(']');
        }
      }
      return out.length() == 0 ? "$" : out.toString();
    }
    if (e instanceof StreamReadException s && s.getProcessor() != null) {
      return pointerPath(s.getProcessor().getParsingContext().pathAsPointer().toString());
    }
    return "$";
  }

  private static String pointerPath(String pointer) {
    if (pointer.isEmpty()) {
      return "$";
    }
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    return out.toString();
  }
}
