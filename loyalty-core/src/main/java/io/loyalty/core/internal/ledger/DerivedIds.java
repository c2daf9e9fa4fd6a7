package io.loyalty.core.internal.ledger;

import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.LedgerKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ids the engine derives (auto-redemptions), in a namespace a host's redemption ids may not take. */
public final class DerivedIds {
  private DerivedIds() {}

  /**
   * The id of a redemption the engine derives (auto-redeem), from the parts that make it unique: {@code auto_} and
   * 32 hex digits of a SHA-256 of the length-prefixed parts. Fixed length whatever the parts, and in a namespace
   * host redemption ids may not take ({@link #isDerived}).
   */
  public static RedemptionId derivedRedemption(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String p : parts) {
      text.append(LedgerKey.part(p));
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return RedemptionId.of(DERIVED_PREFIX + HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The id of the {@code unit}-th reward (2 to 25) of the automatic transaction whose first redemption is {@code first}. */
  public static RedemptionId batchRedemption(RedemptionId first, int unit) {
    return derivedRedemption("unit", first.value(), Integer.toString(unit));
  }

  /** The prefix of derived redemption ids; a host's request id must not start with it. */
  public static final String DERIVED_PREFIX = "auto_";

  /** Whether the id is in the engine's derived namespace. */
  public static boolean isDerived(RedemptionId id) {
    return id.value().startsWith(DERIVED_PREFIX);
  }

  /** The derived id of the redemption an event triggers in a program. */
  public static RedemptionId autoRedemption(EventId event, ProgramId program) {
    return derivedRedemption("event", event.value(), program.value());
  }
}
