package io.loyalty.testkit;

/**
 * The seeds of the kit's random contracts. Each contract has a fixed default seed, so every build runs the same
 * examples; {@code -Dloyalty.testkit.seed=N} replaces every default with {@code N} to replay a failure exactly.
 */
public final class Seeds {
  /** The system property that replaces the kit's fixed seeds. */
  public static final String PROPERTY = "loyalty.testkit.seed";

  private Seeds() {}

  /** The seed to run with: the system property when set, else {@code defaultSeed}. */
  public static long seed(long defaultSeed) {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return defaultSeed;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be a long, not " + value, e);
    }
  }

  /** How to replay a seed, for assertion messages. */
  public static String replay(long seed) {
    return "seed " + seed + " (replay with -D" + PROPERTY + "=" + seed + ")";
  }
}
