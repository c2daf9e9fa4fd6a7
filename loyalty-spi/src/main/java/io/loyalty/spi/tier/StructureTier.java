package io.loyalty.spi.tier;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tier of a loyalty v2 {@link TierStructure} (Voucherify's {@code TierCreateRequest}): the points that qualify
 * for it ({@code POINTS}), optionally with a customer segment the member must be in ({@code POINTS_AND_SEGMENT}),
 * and whether a member in it can be moved down. Build one with {@link #builder(TierId, String, long)}.
 *
 * @param id the tier's id, unique in the structure
 * @param name the display name, 1 to 200 characters
 * @param min the least qualifying points, inclusive, 0 to 10^9
 * @param max the most points of its range, inclusive, 0 to 10^9; {@code null} for the unbounded top tier
 * @param segment the segment a member must also be in ({@code POINTS_AND_SEGMENT}), {@code null} for points alone
 * @param noDowngrade the tier's {@code downgrade: NO_DOWNGRADE} (a member in it is never moved down); {@code false}
 *     for {@code INHERIT}, the structure's downgrade
 * @param metadata free key/values
 */
public record StructureTier(TierId id, String name, long min, @Nullable Long max, @Nullable SegmentId segment,
    boolean noDowngrade, Metadata metadata) {

  /** Requires the id and name; defaults the metadata. */
  public StructureTier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** Starts a {@code POINTS} tier from {@code min} points with no upper bound, inheriting the downgrade. */
  public static Builder builder(TierId id, String name, long min) {
    return new Builder(id, name, min);
  }

  /** Builds a {@link StructureTier}; not thread-safe. */
  public static final class Builder {
    private final TierId id;
    private final String name;
    private final long min;
    private @Nullable Long max;
    private @Nullable SegmentId segment;
    private boolean noDowngrade;
    private Metadata metadata = Metadata.EMPTY;

    private Builder(TierId id, String name, long min) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
      this.min = min;
    }

    /** Sets the inclusive upper bound, {@code null} for none. */
    public Builder max(@Nullable Long max) {
      this.max = max;
      return this;
    }

    /** Requires the member to be in {@code segment} too ({@code POINTS_AND_SEGMENT}). */
    public Builder segment(@Nullable SegmentId segment) {
      this.segment = segment;
      return this;
    }

    /** Sets the tier's own {@code downgrade: NO_DOWNGRADE}: a member in it is never moved down. */
    public Builder noDowngrade(boolean noDowngrade) {
      this.noDowngrade = noDowngrade;
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Returns the tier. */
    public StructureTier build() {
      return new StructureTier(id, name, min, max, segment, noDowngrade, metadata);
    }
  }
}
