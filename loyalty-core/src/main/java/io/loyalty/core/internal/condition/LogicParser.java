package io.loyalty.core.internal.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Lexer and recursive-descent parser of {@link LogicExpression}; one instance per parse, not thread-safe.
 * Grammar: {@code or := and ("or" and)*}, {@code and := atom ("and" atom)*}, {@code atom := number | "("
 * or ")"}. Positions in problems are 1-based character columns; the end of the text is its length + 1.
 */
final class LogicParser {
  static final int MAX_NESTING = 64;
  /** The longest logic text read; a longer one is refused before it is lexed. */
  static final int MAX_LENGTH = io.loyalty.spi.Limits.MAX_LOGIC_LENGTH;

  private enum Kind {
    NUMBER,
    AND,
    OR,
    OPEN,
    CLOSE,
    END
  }

  private record Token(Kind kind, String text, int position, int number) {
    String found() {
      return kind == Kind.END ? "the end of the logic" : '"' + text + '"';
    }
  }

  private final String logic;
  private final Set<Integer> numbers;
  private final List<String> problems = new ArrayList<>();
  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private int depth;
  private boolean unreadable;

  LogicParser(String logic, Set<Integer> numbers) {
    this.logic = logic;
    this.numbers = numbers;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /** The expression, or {@code null} when there are problems. */
  @Nullable
  LogicExpression parse() {
    if (logic.isBlank()) {
      return LogicExpression.allOf(numbers);
    }
    if (logic.length() > MAX_LENGTH) {
      problems.add("must be at most " + MAX_LENGTH + " characters");
      return null;
    }
    lex();
    if (unreadable) {
      return null;
    }
    LogicExpression expression = or();
    if (expression != null && peek().kind != Kind.END) {
      Token token = peek();
      problems.add(token.kind == Kind.CLOSE
          ? "at position " + token.position + ": unmatched \")\""
          : "at position " + token.position + ": expected \"and\", \"or\" or the end of the logic, found "
              + token.found());
      return null;
    }
    return problems.isEmpty() ? expression : null;
  }

  private void lex() {
    int i = 0;
    int length = logic.length();
    while (i < length) {
      char c = logic.charAt(i);
      int position = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), position, 0));
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i;
        while (end < length && Character.isLetterOrDigit(logic.charAt(end))) {
          end++;
        }
        word(logic.substring(i, end), position);
        i = end;
      } else {
        int codePoint = logic.codePointAt(i);
        unreadable = true;
        problems.add("at position " + position + ": unexpected character \"" + new String(Character.toChars(codePoint))
            + "\", expected a rule number, \"and\", \"or\", \"(\" or \")\"");
        i += Character.charCount(codePoint);
      }
    }
    tokens.add(new Token(Kind.END, "", length + 1, 0));
  }

  private void word(String word, int position) {
    if (word.equalsIgnoreCase("and")) {
      tokens.add(new Token(Kind.AND, word, position, 0));
    } else if (word.equalsIgnoreCase("or")) {
      tokens.add(new Token(Kind.OR, word, position, 0));
    } else if (!asciiDigits(word)) {
      unreadable = true;
      problems.add("at position " + position + ": unexpected word \"" + word
          + "\", expected a rule number, \"and\" or \"or\"");
    } else if (word.length() > 9) {
      unreadable = true;
      problems.add("at position " + position + ": rule number " + word + " is too large");
    } else {
      int number = Integer.parseInt(word);
      if (!numbers.contains(number)) {
        problems.add("at position " + position + ": rule " + number + " is not defined (defined: "
            + new TreeSet<>(numbers) + ")");
      }
      tokens.add(new Token(Kind.NUMBER, word, position, number));
    }
  }

  private static boolean asciiDigits(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private @Nullable LogicExpression or() {
    List<LogicExpression> operands = new ArrayList<>();
    do {
      LogicExpression operand = and();
      if (operand == null) {
        return null;
      }
      if (operand instanceof LogicExpression.Or nested) {
        operands.addAll(nested.operands());
      } else {
        operands.add(operand);
      }
    } while (accept(Kind.OR));
    return operands.size() == 1 ? operands.get(0) : new LogicExpression.Or(operands);
  }

  private @Nullable LogicExpression and() {
    List<LogicExpression> operands = new ArrayList<>();
    do {
      LogicExpression operand = atom();
      if (operand == null) {
        return null;
      }
      if (operand instanceof LogicExpression.And nested) {
        operands.addAll(nested.operands());
      } else {
        operands.add(operand);
      }
    } while (accept(Kind.AND));
    return operands.size() == 1 ? operands.get(0) : new LogicExpression.And(operands);
  }

  private @Nullable LogicExpression atom() {
    Token token = tokens.get(next++);
    if (token.kind == Kind.NUMBER) {
      return new LogicExpression.Rule(token.number);
    }
    if (token.kind != Kind.OPEN) {
      problems.add("at position " + token.position + ": expected a rule number or \"(\", found " + token.found());
      return null;
    }
    if (++depth > MAX_NESTING) {
      problems.add("at position " + token.position + ": parentheses nested more than " + MAX_NESTING + " deep");
      return null;
    }
    LogicExpression inner = or();
    depth--;
    if (inner == null) {
      return null;
    }
    Token close = peek();
    if (close.kind != Kind.CLOSE) {
      problems.add("at position " + close.position + ": expected \"and\", \"or\" or \")\" closing the \"(\" at"
          + " position " + token.position + ", found " + close.found());
      return null;
    }
    next++;
    return inner;
  }

  private boolean accept(Kind kind) {
    if (peek().kind == kind) {
      next++;
      return true;
    }
    return false;
  }
}
