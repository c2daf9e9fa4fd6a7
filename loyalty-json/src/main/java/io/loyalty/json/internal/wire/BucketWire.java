package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** A points expiration bucket ({@code object: "loyalty_points_bucket"}): one grant's remaining points and its last day. */
public record BucketWire(String id, String voucherId, String campaignId, Bucket bucket, String status,
    @Nullable String expiresAt, String createdAt, String object) {
  /** {@code bucket}: the points left. */
  public record Bucket(long totalPoints) {}
}
