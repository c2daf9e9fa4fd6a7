package io.loyalty.spi.tier;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tier of a program: the inclusive point range that qualifies for it and what it changes in earning (per rule)
 * and in reward prices (per reward assignment). Build one with {@link #builder(TierId, String, long)}.
 *
 * @param id the tier's id, unique in the program
 * @param name the display name
 * @param from the least qualifying points, inclusive, 0 or more
 * @param to the most qualifying points, inclusive; {@code null} for no upper bound (the top tier)
 * @param earningRules the mapping applied to each listed rule's points while a member is in this tier
 * @param rewards the mapping applied to each listed reward assignment's price while a member is in this tier
 * @param metadata free key/values
 */
public record Tier(TierId id, String name, long from, @Nullable Long to, Map<RuleId, TierMapping> earningRules,
    Map<AssignmentId, TierMapping> rewards, Metadata metadata) {

  /** Copies the maps, keeping their order, and defaults the metadata. */
  public Tier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    earningRules = earningRules == null ? Map.of() : copy(earningRules);
    rewards = rewards == null ? Map.of() : copy(rewards);
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Whether {@code points} fall in this tier's range. */
  public boolean contains(long points) {
    return points >= from && (to == null || points <= to);
  }

  /** Starts a tier from {@code from} points with no upper bound and no mappings. */
  public static Builder builder(TierId id, String name, long from) {
    return new Builder(id, name, from);
  }

  /** Builds a {@link Tier}; not thread-safe. */
  public static final class Builder {
    private final TierId id;
    private final String name;
    private final long from;
    private @Nullable Long to;
    private final Map<RuleId, TierMapping> earningRules = new LinkedHashMap<>();
    private final Map<AssignmentId, TierMapping> rewards = new LinkedHashMap<>();
    private Metadata metadata = Metadata.EMPTY;

    private Builder(TierId id, String name, long from) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
      this.from = from;
    }

    /** Sets the inclusive upper bound, {@code null} for none. */
    public Builder to(@Nullable Long to) {
      this.to = to;
      return this;
    }

    /** Maps a rule's points while a member is in this tier. */
    public Builder earningRule(RuleId rule, TierMapping mapping) {
      earningRules.put(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(mapping, "mapping"));
      return this;
    }

    /** Maps a reward assignment's price while a member is in this tier. */
    public Builder reward(AssignmentId assignment, TierMapping mapping) {
      rewards.put(Objects.requireNonNull(assignment, "assignment"), Objects.requireNonNull(mapping, "mapping"));
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Returns the tier. */
    public Tier build() {
      return new Tier(id, name, from, to, earningRules, rewards, metadata);
    }
  }
}
