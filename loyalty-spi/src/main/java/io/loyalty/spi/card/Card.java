package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty card (Voucherify's voucher of type {@code LOYALTY_CARD}): generated into a program's pool,
 * published to one customer, and holding that member's lots. Stores write it with compare-and-set on
 * {@link #version()}.
 *
 * @param code the card code, unique in the store
 * @param program the program it belongs to
 * @param wallet the program's point wallet (card definition) the card is of: {@link WalletId#MAIN} in a v1 program;
 *     a member holds at most one card per wallet of a program
 * @param version 1 when first stored, one more per write
 * @param holder the member, {@code null} while the card is unpublished
 * @param createdAt when the card was generated
 * @param publishedAt when it was published to its holder, {@code null} while unpublished
 * @param expiresAt the first instant the card is no longer valid, {@code null} for never
 * @param active the card's on/off switch
 * @param lots the grants of points, in grant order
 * @param debt points owed after a refund took back more than the card held (program policy UNLIMITED);
 *     repaid first from future credits, 0 or more
 * @param lastSeq the sequence number of the card's latest ledger entry, 0 for none
 * @param redemptions how many reward redemptions the card holds (rolled-back ones give theirs back); the card
 *     template's {@code redemptionQuantity} caps it
 * @param tiers what the card's tiers remember under a policy with terms ({@link io.loyalty.spi.tier.TierState});
 *     {@code null} under {@code BALANCE_DROP}, where the tier follows the balance, or before the first write that
 *     settled one
 */
public record Card(
    CardCode code,
    ProgramId program,
    WalletId wallet,
    long version,
    @Nullable CustomerId holder,
    Instant createdAt,
    @Nullable Instant publishedAt,
    @Nullable Instant expiresAt,
    boolean active,
    List<Lot> lots,
    long debt,
    long lastSeq,
    long redemptions,
    io.loyalty.spi.tier.@Nullable TierState tiers) {

  /** Holds the lots as a {@link LotList} (shared, not copied, when they are one already). */
  public Card {
    java.util.Objects.requireNonNull(wallet, "wallet");
    lots = LotList.of(lots);
  }

  /** A new, unpublished card in a program's pool. */
  public static Card generated(CardCode code, ProgramId program, Instant createdAt) {
    return builder().code(code).program(program).version(1).createdAt(createdAt).build();
  }

  /** Whether the card has been published to a holder. */
  public boolean isPublished() {
    return holder != null;
  }

  /** Whether the card is valid at {@code asOf}: active and not past its expiry. */
  public boolean isValidAt(Instant asOf) {
    return active && (expiresAt == null || asOf.isBefore(expiresAt));
  }

  /**
   * The points usable at {@code asOf}: the remaining points of lots that are activated and not expired, less
   * the debt (so possibly negative under the UNLIMITED refund policy). Needs no sweep: expiry and activation
   * are read against the instant.
   */
  public long balanceAt(Instant asOf) {
    if (((LotList) lots).settledAt(asOf)) {
      return ledgerBalance(); // nothing changes by then: the recorded balance, which the tree keeps
    }
    long owed = debt;
    long[] repaid = null;
    if (owed > 0) {
      // Pending lots that activate by asOf repay the debt first, in activation order, as recording them would.
      List<Lot> activating = new java.util.ArrayList<>();
      for (Lot lot : lots) {
        if (lot.state() == LotState.PENDING && lot.activatesAt() != null && !asOf.isBefore(lot.activatesAt())) {
          activating.add(lot);
        }
      }
      activating.sort(java.util.Comparator.comparing(Lot::activatesAt).thenComparingLong(Lot::id));
      repaid = new long[lots.size()];
      for (Lot lot : activating) {
        long repay = Math.min(owed, lot.remaining());
        owed -= repay;
        repaid[lots.indexOf(lot)] = repay;
      }
    }
    long sum = -owed;
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      if (lot.isActiveAt(asOf)) {
        sum = Math.addExact(sum, lot.remaining() - (repaid == null ? 0 : repaid[i]));
      }
    }
    return sum;
  }

  /**
   * The sum of the ledger's {@code points}: the usable points of lots whose activation is recorded, less the
   * debt. It equals {@link #balanceAt} once every activation and expiration due by then is recorded.
   */
  public long ledgerBalance() {
    return Math.subtractExact(((LotList) lots).activeSum(), debt);
  }

  /** The sum of the ledger's {@code pending}: the remaining points of lots whose activation is not recorded. */
  public long ledgerPending() {
    return ((LotList) lots).pendingSum();
  }

  /** The points still pending at {@code asOf}. */
  public long pendingAt(Instant asOf) {
    long sum = 0;
    for (Lot lot : lots) {
      if (lot.isPendingAt(asOf)) {
        sum = Math.addExact(sum, lot.remaining());
      }
    }
    return sum;
  }

  /** The lot with this id, or {@code null}. */
  public @Nullable Lot lot(long id) {
    for (Lot lot : lots) {
      if (lot.id() == id) {
        return lot;
      }
    }
    return null;
  }

  /** A copy with other lots, debt and last ledger sequence, one version on. */
  public Card next(List<Lot> lots, long debt, long lastSeq) {
    return toBuilder().version(version + 1).lots(lots).debt(debt).lastSeq(lastSeq).build();
  }

  /** A copy at another version; used when one change set writes the card twice and the writes are chained. */
  public Card withVersion(long version) {
    return toBuilder().version(version).build();
  }

  /** A copy with other tier state (same version: combine with {@link #next}). */
  public Card withTiers(io.loyalty.spi.tier.@Nullable TierState tiers) {
    return toBuilder().tiers(tiers).build();
  }

  /** A copy with another redemption count (same version: combine with {@link #next}). */
  public Card withRedemptions(long redemptions) {
    return toBuilder().redemptions(redemptions).build();
  }

  /** A copy switched on or off, one version on. */
  public Card withActive(boolean active) {
    return toBuilder().version(version + 1).active(active).build();
  }

  /** A builder starting from this card's values, to change some and build a new one. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** An empty builder: every part to set, but the lists (empty), texts (empty) and switches (on). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a card by named parts, so code that builds one does not break when a part is added. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable CardCode code;
    private @Nullable ProgramId program;
    private WalletId wallet = WalletId.MAIN;
    private long version;
    private @Nullable CustomerId holder;
    private @Nullable Instant createdAt;
    private @Nullable Instant publishedAt;
    private @Nullable Instant expiresAt;
    private boolean active = true;
    private @Nullable List<Lot> lots = List.of();
    private long debt;
    private long lastSeq;
    private long redemptions;
    private io.loyalty.spi.tier.@Nullable TierState tiers;

    Builder() {}

    Builder(Card from) {
      this.code = from.code();
      this.program = from.program();
      this.wallet = from.wallet();
      this.version = from.version();
      this.holder = from.holder();
      this.createdAt = from.createdAt();
      this.publishedAt = from.publishedAt();
      this.expiresAt = from.expiresAt();
      this.active = from.active();
      this.lots = from.lots();
      this.debt = from.debt();
      this.lastSeq = from.lastSeq();
      this.redemptions = from.redemptions();
      this.tiers = from.tiers();
    }

    /** Sets {@code code}. */
    public Builder code(CardCode code) {
      this.code = code;
      return this;
    }

    /** Sets {@code program}. */
    public Builder program(ProgramId program) {
      this.program = program;
      return this;
    }

    /** Sets {@code wallet} ({@link WalletId#MAIN} unless set). */
    public Builder wallet(WalletId wallet) {
      this.wallet = wallet;
      return this;
    }

    /** Sets {@code version}. */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /** Sets {@code holder}. */
    public Builder holder(@Nullable CustomerId holder) {
      this.holder = holder;
      return this;
    }

    /** Sets {@code createdAt}. */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets {@code publishedAt}. */
    public Builder publishedAt(@Nullable Instant publishedAt) {
      this.publishedAt = publishedAt;
      return this;
    }

    /** Sets {@code expiresAt}. */
    public Builder expiresAt(@Nullable Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** Sets {@code active}. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Sets {@code lots}. */
    public Builder lots(List<Lot> lots) {
      this.lots = lots;
      return this;
    }

    /** Sets {@code debt}. */
    public Builder debt(long debt) {
      this.debt = debt;
      return this;
    }

    /** Sets {@code lastSeq}. */
    public Builder lastSeq(long lastSeq) {
      this.lastSeq = lastSeq;
      return this;
    }

    /** Sets {@code redemptions}. */
    public Builder redemptions(long redemptions) {
      this.redemptions = redemptions;
      return this;
    }

    /** Sets {@code tiers}. */
    public Builder tiers(io.loyalty.spi.tier.@Nullable TierState tiers) {
      this.tiers = tiers;
      return this;
    }

    /** The card, checked as its constructor checks it. */
    public Card build() {
      return new Card(java.util.Objects.requireNonNull(code, "code"),
          java.util.Objects.requireNonNull(program, "program"), wallet, version, holder,
          java.util.Objects.requireNonNull(createdAt, "createdAt"), publishedAt, expiresAt, active,
          java.util.Objects.requireNonNull(lots, "lots"), debt, lastSeq, redemptions, tiers);
    }
  }
}
