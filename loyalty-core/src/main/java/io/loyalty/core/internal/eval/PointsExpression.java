package io.loyalty.core.internal.eval;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic points formula (Voucherify's {@code points_formula}, digest section 2.7), parsed once and evaluated per
 * event with bounded decimal arithmetic. Pure and immutable.
 *
 * <p>Grammar: numbers ({@code 1.5}), strings ({@code "key"}, as metadata keys), {@code + - * / %}, unary minus,
 * comparisons {@code > >= < <= = == != <>} (1 for true, 0 for false), {@code AND} / {@code OR} infix or as functions,
 * parentheses; operands {@code ORDER_AMOUNT}, {@code ORDER_TOTAL_AMOUNT} (in major currency units),
 * {@code ORDER_ITEMS_QUANTITY} (lines), {@code ORDER_UNITS_QUANTITY} (units); functions {@code IF(c;a;b)},
 * {@code ROUND(x;p)} (half up), {@code FLOOR(x;p)}, {@code CEIL(x;p)}, {@code MIN(a;b;…)}, {@code MAX(a;b;…)},
 * {@code POW(x;n)} (n from 0 to 10), {@code DEFAULT_TO(x;d)}, {@code NOT(x)}, {@code ORDER_METADATA("k")},
 * {@code CUSTOMER_METADATA("k")}, {@code EVENT_METADATA("k")}. Arguments are separated by {@code ;} (or {@code ,}).
 * Names are case-insensitive.
 */
public final class PointsExpression {
  /** The longest formula text accepted. */
  public static final int MAX_LENGTH = 1_000;
  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 32;
  /** No intermediate value may exceed this magnitude: the formula cannot be computed beyond it. */
  private static final BigDecimal LIMIT = new BigDecimal("1e18");
  private static final MathContext MATH = new MathContext(34, RoundingMode.HALF_EVEN);
  /** Decimal places kept by a division. */
  private static final int DIVISION_SCALE = 12;

  private final Node root;

  private PointsExpression(Node root) {
    this.root = root;
  }

  /**
   * Parses a formula.
   *
   * @throws IllegalArgumentException with a message naming the position and what was expected, for a text that is
   *     not a formula of this grammar
   */
  public static PointsExpression parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    Parser parser = new Parser(text);
    Node root = parser.expression(0);
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error("an operator or the end of the formula");
    }
    return new PointsExpression(root);
  }

  /** What a formula reads of the event. */
  public record Inputs(@Nullable Order order, Metadata customer, Metadata event) {}

  /**
   * The formula's value for the event, or {@code null} when it cannot be computed (a value missing or not a number,
   * a division by zero, a magnitude beyond 10^18): the rule's fallback applies then.
   */
  public @Nullable BigDecimal evaluate(Inputs in) {
    try {
      return root.eval(in);
    } catch (Unavailable e) {
      return null;
    }
  }

  /** The formula cannot be computed for this event. */
  private static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unavailable INSTANCE = new Unavailable();

    private Unavailable() {
      super(null, null, false, false);
    }
  }

  private interface Node {
    BigDecimal eval(Inputs in);
  }

  private static BigDecimal bounded(BigDecimal v) {
    if (v.abs().compareTo(LIMIT) > 0) {
      throw Unavailable.INSTANCE;
    }
    return v;
  }

  private static BigDecimal truth(boolean b) {
    return b ? BigDecimal.ONE : BigDecimal.ZERO;
  }

  private static boolean isTrue(BigDecimal v) {
    return v.signum() != 0;
  }

  private static BigDecimal major(long minor, @Nullable Order order) {
    int digits = order == null ? 2 : order.currency().getDefaultFractionDigits();
    return BigDecimal.valueOf(minor, digits < 0 ? 2 : digits);
  }

  private static BigDecimal meta(Metadata metadata, String key) {
    MetaValue value = metadata.get(key);
    if (value instanceof MetaValue.Num n) {
      return bounded(n.value());
    }
    throw Unavailable.INSTANCE; // missing or not a number
  }

  /** A recursive-descent parser over the formula's text. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    IllegalArgumentException error(String expected) {
      String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
      return new IllegalArgumentException("expects " + expected + " at position " + (pos + 1) + ", found " + found);
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String token) {
      skipSpace();
      if (text.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    /** A keyword operator ({@code AND}, {@code OR}) not followed by a name character or {@code (}. */
    boolean eatWord(String word) {
      skipSpace();
      int end = pos + word.length();
      if (end <= text.length() && text.regionMatches(true, pos, word, 0, word.length())
          && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
              || text.charAt(end) == '('))) {
        pos = end;
        return true;
      }
      return false;
    }

    Node expression(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("nests deeper than " + MAX_DEPTH + " levels");
      }
      Node left = and(depth);
      while (eatWord("OR")) {
        Node a = left;
        Node b = and(depth);
        left = in -> truth(isTrue(a.eval(in)) || isTrue(b.eval(in)));
      }
      return left;
    }

    Node and(int depth) {
      Node left = comparison(depth);
      while (eatWord("AND")) {
        Node a = left;
        Node b = comparison(depth);
        left = in -> truth(isTrue(a.eval(in)) && isTrue(b.eval(in)));
      }
      return left;
    }

    Node comparison(int depth) {
      Node left = sum(depth);
      for (String op : new String[] {">=", "<=", "!=", "<>", "==", ">", "<", "="}) {
        if (eat(op)) {
          Node a = left;
          Node b = sum(depth);
          return switch (op) {
            case ">=" -> in -> truth(a.eval(in).compareTo(b.eval(in)) >= 0);
            case "<=" -> in -> truth(a.eval(in).compareTo(b.eval(in)) <= 0);
            case ">" -> in -> truth(a.eval(in).compareTo(b.eval(in)) > 0);
            case "<" -> in -> truth(a.eval(in).compareTo(b.eval(in)) < 0);
            case "!=", "<>" -> in -> truth(a.eval(in).compareTo(b.eval(in)) != 0);
            default -> in -> truth(a.eval(in).compareTo(b.eval(in)) == 0);
          };
        }
      }
      return left;
    }

    Node sum(int depth) {
      Node left = product(depth);
      while (true) {
        Node a = left;
        if (eat("+")) {
          Node b = product(depth);
          left = in -> bounded(a.eval(in).add(b.eval(in), MATH));
        } else if (eat("-")) {
          Node b = product(depth);
          left = in -> bounded(a.eval(in).subtract(b.eval(in), MATH));
        } else {
          return left;
        }
      }
    }

    Node product(int depth) {
      Node left = unary(depth);
      while (true) {
        Node a = left;
        if (eat("*")) {
          Node b = unary(depth);
          left = in -> bounded(a.eval(in).multiply(b.eval(in), MATH));
        } else if (eat("/")) {
          Node b = unary(depth);
          left = in -> {
            BigDecimal d = b.eval(in);
            if (d.signum() == 0) {
              throw Unavailable.INSTANCE;
            }
            return bounded(a.eval(in).divide(d, DIVISION_SCALE, RoundingMode.HALF_EVEN));
          };
        } else if (eat("%")) {
          Node b = unary(depth);
          left = in -> {
            BigDecimal d = b.eval(in);
            if (d.signum() == 0) {
              throw Unavailable.INSTANCE;
            }
            return a.eval(in).remainder(d, MATH);
          };
        } else {
          return left;
        }
      }
    }

    Node unary(int depth) {
      if (eat("-")) {
        Node inner = unary(depth + 1);
        return in -> inner.eval(in).negate();
      }
      return primary(depth);
    }

    Node primary(int depth) {
      skipSpace();
      if (pos >= text.length()) {
        throw error("a number, an operand, a function or '('");
      }
      char c = text.charAt(pos);
      if (c == '(') {
        pos++;
        Node inner = expression(depth + 1);
        if (!eat(")")) {
          throw error("')'");
        }
        return inner;
      }
      if (Character.isDigit(c) || c == '.') {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        if (pos - start > 30) {
          pos = start;
          throw error("a number of at most 30 characters");
        }
        try {
          BigDecimal value = new BigDecimal(text.substring(start, pos));
          return in -> value;
        } catch (NumberFormatException e) {
          pos = start;
          throw error("a number");
        }
      }
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
        String name = text.substring(start, pos).toUpperCase(Locale.ROOT);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
          pos++;
          return call(name, start, depth);
        }
        return operand(name, start);
      }
      throw error("a number, an operand, a function or '('");
    }

    Node operand(String name, int start) {
      return switch (name) {
        case "ORDER_AMOUNT" -> in -> major(order(in).amount(), in.order());
        case "ORDER_TOTAL_AMOUNT" -> in -> major(order(in).totalAmount(), in.order());
        case "ORDER_ITEMS_QUANTITY" -> in -> BigDecimal.valueOf(order(in).items().size());
        case "ORDER_UNITS_QUANTITY" -> in -> {
          long units = 0;
          for (OrderItem item : order(in).items()) {
            units = Math.addExact(units, item.quantity());
          }
          return BigDecimal.valueOf(units);
        };
        default -> {
          pos = start;
          throw error("an operand (ORDER_AMOUNT, ORDER_TOTAL_AMOUNT, ORDER_ITEMS_QUANTITY, ORDER_UNITS_QUANTITY) or a"
              + " function call");
        }
      };
    }

    private static Order order(Inputs in) {
      if (in.order() == null) {
        throw Unavailable.INSTANCE;
      }
      return in.order();
    }

    Node call(String name, int start, int depth) {
      if (name.endsWith("_METADATA")) {
        skipSpace();
        String key = string();
        if (!eat(")")) {
          throw error("')'");
        }
        return switch (name) {
          case "ORDER_METADATA" -> in -> meta(order(in).metadata(), key);
          case "CUSTOMER_METADATA" -> in -> meta(in.customer(), key);
          case "EVENT_METADATA", "CUSTOM_EVENT_METADATA" -> in -> meta(in.event(), key);
          default -> {
            pos = start;
            throw error("ORDER_METADATA, CUSTOMER_METADATA or EVENT_METADATA");
          }
        };
      }
      List<Node> args = new ArrayList<>();
      if (!eat(")")) {
        do {
          args.add(expression(depth + 1));
        } while (eat(";") || eat(","));
        if (!eat(")")) {
          throw error("';' or ')'");
        }
      }
      int n = args.size();
      switch (name) {
        case "IF" -> {
          arity(name, start, n, 3, 3);
          Node c = args.get(0);
          Node a = args.get(1);
          Node b = args.get(2);
          return in -> isTrue(c.eval(in)) ? a.eval(in) : b.eval(in);
        }
        case "ROUND", "FLOOR", "CEIL" -> {
          arity(name, start, n, 1, 2);
          Node x = args.get(0);
          Node places = n == 2 ? args.get(1) : in -> BigDecimal.ZERO;
          RoundingMode mode = name.equals("ROUND") ? RoundingMode.HALF_UP
              : name.equals("FLOOR") ? RoundingMode.FLOOR : RoundingMode.CEILING;
          return in -> x.eval(in).setScale(digits(places.eval(in)), mode);
        }
        case "MIN", "MAX" -> {
          arity(name, start, n, 1, Integer.MAX_VALUE);
          boolean min = name.equals("MIN");
          return in -> {
            BigDecimal best = args.get(0).eval(in);
            for (int i = 1; i < args.size(); i++) {
              BigDecimal v = args.get(i).eval(in);
              best = (min ? v.compareTo(best) < 0 : v.compareTo(best) > 0) ? v : best;
            }
            return best;
          };
        }
        case "POW" -> {
          arity(name, start, n, 2, 2);
          Node x = args.get(0);
          Node e = args.get(1);
          return in -> {
            BigDecimal exponent = e.eval(in);
            int k;
            try {
              k = exponent.intValueExact();
            } catch (ArithmeticException notWhole) {
              throw Unavailable.INSTANCE;
            }
            if (k < 0 || k > 10) {
              throw Unavailable.INSTANCE;
            }
            return bounded(x.eval(in).pow(k, MATH));
          };
        }
        case "DEFAULT_TO" -> {
          arity(name, start, n, 2, 2);
          Node x = args.get(0);
          Node d = args.get(1);
          return in -> {
            try {
              return x.eval(in);
            } catch (Unavailable missing) {
              return d.eval(in);
            }
          };
        }
        case "AND", "OR" -> {
          arity(name, start, n, 1, Integer.MAX_VALUE);
          boolean and = name.equals("AND");
          return in -> {
            for (Node arg : args) {
              if (isTrue(arg.eval(in)) != and) {
                return truth(!and);
              }
            }
            return truth(and);
          };
        }
        case "NOT" -> {
          arity(name, start, n, 1, 1);
          Node x = args.get(0);
          return in -> truth(!isTrue(x.eval(in)));
        }
        default -> {
          pos = start;
          throw error("a function (IF, ROUND, FLOOR, CEIL, MIN, MAX, POW, DEFAULT_TO, AND, OR, NOT, ORDER_METADATA,"
              + " CUSTOMER_METADATA, EVENT_METADATA)");
        }
      }
    }

    private static int digits(BigDecimal places) {
      try {
        int p = places.intValueExact();
        if (p >= 0 && p <= 12) {
          return p;
        }
      } catch (ArithmeticException notWhole) {
        // falls through
      }
      throw Unavailable.INSTANCE;
    }

    private void arity(String name, int start, int n, int min, int max) {
      if (n < min || n > max) {
        pos = start;
        throw new IllegalArgumentException(name + " at position " + (start + 1) + " takes "
            + (min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
            + " arguments, not " + n);
      }
    }

    private String string() {
      if (pos >= text.length() || (text.charAt(pos) != '"' && text.charAt(pos) != '\'')) {
        throw error("a quoted metadata key");
      }
      char quote = text.charAt(pos++);
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != quote) {
        pos++;
      }
      if (pos >= text.length()) {
        throw error("the closing quote");
      }
      String key = text.substring(start, pos++);
      if (key.isEmpty()) {
        pos--;
        throw error("a metadata key that is not empty");
      }
      return key;
    }
  }
}
