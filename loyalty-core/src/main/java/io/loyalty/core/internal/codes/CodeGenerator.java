package io.loyalty.core.internal.codes;

import io.loyalty.core.CodesExhaustedException;
import io.loyalty.spi.host.RandomSource;
import io.loyalty.spi.program.CodeConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generates card codes from a {@link CodeConfig}: {@code prefix + pattern + postfix} with each {@code #}
 * replaced by a uniformly drawn charset character (duplicate charset characters count once). Thread-safe
 * when its {@link RandomSource} is; repeatable with a seeded one.
 */
public final class CodeGenerator {
  /** A space at most this many codes, and at most {@link #ENUMERATION_FACTOR} times the request, is enumerated. */
  static final long ENUMERATION_LIMIT = 1_000_000L;

  static final long ENUMERATION_FACTOR = 4L;

  private final RandomSource random;

  /** A generator drawing from {@code random}. */
  public CodeGenerator(RandomSource random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * How many distinct codes the configuration can yield: {@code charsetSize ^ placeholders}, saturating at
   * {@link Long#MAX_VALUE}; 0 when the charset is empty and there is a placeholder.
   */
  public static long capacity(CodeConfig config) {
    Objects.requireNonNull(config, "config");
    return CodeShape.power(CodeShape.distinct(config.effectiveCharset()).length, config.effectiveLength());
  }

  /** One code that {@code taken} does not accept; see {@link #generate(CodeConfig, int, Predicate)}. */
  public String generateOne(CodeConfig config, Predicate<String> taken) {
    return generate(config, 1, taken).get(0);
  }

  /**
   * {@code count} distinct codes, none accepted by {@code taken} (typically "already in the store"), in the
   * order drawn. Draws at random with a bounded number of retries; a space of at most a million codes is
   * listed instead (at once when it is under four times the request, else once the retries run out), so it
   * then succeeds whenever enough codes are free.
   *
   * @throws CodesExhaustedException when the configuration yields fewer than {@code count} codes, or too few
   *     of them are free
   * @throws IllegalArgumentException when {@code count} is negative or a length-only body exceeds 200
   */
  public List<String> generate(CodeConfig config, int count, Predicate<String> taken) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(taken, "taken");
    if (count < 0) {
      throw new IllegalArgumentException("count must be zero or more (was " + count + ")");
    }
    if (count == 0) {
      return List.of();
    }
    CodeShape shape = CodeShape.of(config);
    long capacity = shape.capacity();
    if (capacity < count) {
      throw new CodesExhaustedException(describe(shape) + " yields at most " + capacity + " distinct codes; "
          + count + " were asked");
    }
    if (capacity <= ENUMERATION_LIMIT && capacity <= Math.multiplyExact(ENUMERATION_FACTOR, count)) {
      return List.copyOf(pick(freeCodes(shape, taken), count, shape, 0));
    }
    return drawAtRandom(shape, count, taken);
  }

  /**
   * Draws with a bounded number of attempts; when they run out in a space small enough to list, the rest
   * come from the listed free codes, so a nearly full small space still yields its last codes.
   */
  private List<String> drawAtRandom(CodeShape shape, int count, Predicate<String> taken) {
    long attempts = Math.addExact(100L, Math.multiplyExact(20L, count));
    Set<String> codes = new LinkedHashSet<>();
    for (long tried = 0; tried < attempts && codes.size() < count; tried++) {
      String code = shape.draw(random::nextInt);
      if (!codes.contains(code) && !taken.test(code)) {
        codes.add(code);
      }
    }
    if (codes.size() < count && shape.capacity() <= ENUMERATION_LIMIT) {
      List<String> free = freeCodes(shape, code -> codes.contains(code) || taken.test(code));
      codes.addAll(pick(free, count - codes.size(), shape, codes.size()));
    }
    if (codes.size() < count) {
      throw new CodesExhaustedException(describe(shape) + " yields at most " + shape.capacity()
          + " distinct codes, but only " + codes.size() + " of the " + count + " asked were free after "
          + attempts + " attempts; the space is nearly full");
    }
    return List.copyOf(codes);
  }

  /** Every code of the space that {@code taken} does not accept, in enumeration order. */
  private static List<String> freeCodes(CodeShape shape, Predicate<String> taken) {
    long capacity = shape.capacity();
    List<String> free = new ArrayList<>();
    for (long i = 0; i < capacity; i++) {
      String code = shape.at(i);
      if (!taken.test(code)) {
        free.add(code);
      }
    }
    return free;
  }

  /**
   * {@code n} of the free codes chosen by a partial Fisher-Yates shuffle; {@code alreadyChosen} only makes
   * the error count the codes a caller already holds.
   */
  private List<String> pick(List<String> free, int n, CodeShape shape, int alreadyChosen) {
    if (free.size() < n) {
      throw new CodesExhaustedException(describe(shape) + " yields at most " + shape.capacity()
          + " distinct codes, but only " + (alreadyChosen + free.size()) + " are free; " + (alreadyChosen + n)
          + " were asked");
    }
    for (int i = 0; i < n; i++) {
      Collections.swap(free, i, i + random.nextInt(free.size() - i));
    }
    return free.subList(0, n);
  }

  private static String describe(CodeShape shape) {
    return "Code pattern '" + shape.pattern() + "' with " + shape.placeholders() + " placeholder(s) and a charset of "
        + shape.charsetSize() + " distinct character(s)";
  }
}
