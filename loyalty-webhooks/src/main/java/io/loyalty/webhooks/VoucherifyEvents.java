package io.loyalty.webhooks;

import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Voucherify's loyalty event names (digest section 10) and which of them an outbox event stands for: one outbox event
 * may be several Voucherify events (an accrual is {@code points_added}, {@code rewarded.loyalty_points} and a
 * {@code transaction.created}), and an endpoint gets those it subscribed to, one request each. See
 * {@code docs/webhooks.md} for the table and for the names the outbox has no source for yet.
 */
public final class VoucherifyEvents {
  /** Usable points credited (an accrual, a manual addition, a refund, a transfer in). */
  public static final String POINTS_ADDED = "customer.voucher.loyalty_card.points_added";
  /** Points expired. */
  public static final String POINTS_EXPIRED = "customer.voucher.loyalty_card.points_expired";
  /** Points moved in from another card (sent for the receiving card). */
  public static final String POINTS_TRANSFERRED = "customer.voucher.loyalty_card.points_transferred";
  /** Pending points earned. */
  public static final String PENDING_POINTS_ADDED = "customer.voucher.loyalty_card.pending_points.added";
  /** Pending points changed by hand. */
  public static final String PENDING_POINTS_UPDATED = "customer.voucher.loyalty_card.pending_points.updated";
  /** Pending points became usable. */
  public static final String PENDING_POINTS_ACTIVATED = "customer.voucher.loyalty_card.pending_points.activated";
  /** Pending points canceled. */
  public static final String PENDING_POINTS_CANCELED = "customer.voucher.loyalty_card.pending_points.canceled";
  /** Any loyalty card transaction (every ledger entry). */
  public static final String TRANSACTION_CREATED = "voucher.loyalty_card.transaction.created";
  /** Points an earning rule gave. */
  public static final String REWARDED_LOYALTY_POINTS = "customer.rewarded.loyalty_points";
  /** A reward redemption was created (it succeeded). */
  public static final String REWARD_REDEMPTION_CREATED = "customer.reward_redemptions.created";
  /** A reward redemption waits for its delivery. */
  public static final String REWARD_REDEMPTION_PENDING = "customer.reward_redemptions.pending";
  /** A reward redemption's delivery completed. */
  public static final String REWARD_REDEMPTION_COMPLETED = "customer.reward_redemptions.completed";
  /** A reward redemption was rolled back. */
  public static final String REWARD_REDEMPTION_ROLLED_BACK = "customer.reward_redemptions.rolledback";
  /** A redemption succeeded. */
  public static final String REDEMPTION_SUCCEEDED = "customer.redemption.succeeded";
  /** A redemption failed. */
  public static final String REDEMPTION_FAILED = "customer.redemption.failed";
  /** A redemption's rollback succeeded. */
  public static final String REDEMPTION_ROLLBACK_SUCCEEDED = "customer.redemption.rollback.succeeded";
  /** A card was published to a customer. */
  public static final String PUBLICATION_SUCCEEDED = "customer.publication.succeeded";
  /** The member entered the program's tiers. */
  public static final String TIER_JOINED = "customer.loyalty.tier.joined";
  /** The member moved up. */
  public static final String TIER_UPGRADED = "customer.loyalty.tier.upgraded";
  /** The member moved down. */
  public static final String TIER_DOWNGRADED = "customer.loyalty.tier.downgraded";
  /** The member qualified again for the tier held. */
  public static final String TIER_PROLONGED = "customer.loyalty.tier.prolonged";
  /** The member fell out of every tier. */
  public static final String TIER_LEFT = "customer.loyalty.tier.left";
  /** The held tier's expiration moved. */
  public static final String TIER_EXPIRATION_CHANGED = "customer.loyalty.tier.expiration.changed";
  /** An order was paid: the outbox has no event of its own for it yet (see {@link #UNSOURCED}). */
  public static final String ORDER_PAID = "customer.order.paid";

  /** Every name this module can send. */
  public static final Set<String> ALL = Set.of(POINTS_ADDED, POINTS_EXPIRED, POINTS_TRANSFERRED, PENDING_POINTS_ADDED,
      PENDING_POINTS_UPDATED, PENDING_POINTS_ACTIVATED, PENDING_POINTS_CANCELED, TRANSACTION_CREATED,
      REWARDED_LOYALTY_POINTS, REWARD_REDEMPTION_CREATED, REWARD_REDEMPTION_PENDING, REWARD_REDEMPTION_COMPLETED,
      REWARD_REDEMPTION_ROLLED_BACK, REDEMPTION_SUCCEEDED, REDEMPTION_FAILED, REDEMPTION_ROLLBACK_SUCCEEDED,
      PUBLICATION_SUCCEEDED, TIER_JOINED, TIER_UPGRADED, TIER_DOWNGRADED, TIER_PROLONGED, TIER_LEFT,
      TIER_EXPIRATION_CHANGED);

  /** Section 10's names no outbox event stands for yet: an endpoint may subscribe to them and gets none. */
  public static final Set<String> UNSOURCED = Set.of(ORDER_PAID, "customer.redemption.rollback.failed",
      "customer.publication.failed");

  private VoucherifyEvents() {}

  /** Whether the name is one an endpoint may subscribe to: one this module sends, or one of {@link #UNSOURCED}. */
  public static boolean isKnown(String name) {
    return ALL.contains(name) || UNSOURCED.contains(name);
  }

  /** The Voucherify events the outbox event stands for, in the order they are sent; never empty. */
  public static List<String> of(OutboxEvent event) {
    Objects.requireNonNull(event, "event");
    List<String> out = new ArrayList<>(3);
    switch (event.type()) {
      case POINTS_ADDED -> {
        out.add(POINTS_ADDED);
        var entry = ((OutboxEvent.Transaction) event.payload()).entry();
        if (entry.rule() != null) {
          out.add(REWARDED_LOYALTY_POINTS);
        }
        if (entry.type() == EntryType.POINTS_TRANSFER_IN) {
          out.add(POINTS_TRANSFERRED);
        }
      }
      case POINTS_EXPIRED -> out.add(POINTS_EXPIRED);
      case PENDING_POINTS_ADDED -> out.add(PENDING_POINTS_ADDED);
      case PENDING_POINTS_ADJUSTED -> out.add(PENDING_POINTS_UPDATED);
      case PENDING_POINTS_ACTIVATED -> out.add(PENDING_POINTS_ACTIVATED);
      case PENDING_POINTS_CANCELED -> out.add(PENDING_POINTS_CANCELED);
      case POINTS_DEDUCTED, POINTS_REDEEMED -> { } // a transaction only
      case MEMBER_JOINED -> out.add(PUBLICATION_SUCCEEDED);
      case REWARD_REDEEMED -> {
        out.add(REWARD_REDEMPTION_CREATED);
        var redemption = ((OutboxEvent.RedemptionChange) event.payload()).redemption();
        if (redemption.fulfilment().status() == Redemption.FulfilmentStatus.PENDING) {
          out.add(REWARD_REDEMPTION_PENDING);
        }
        out.add(REDEMPTION_SUCCEEDED);
      }
      case REDEMPTION_FAILED -> out.add(REDEMPTION_FAILED);
      case REWARD_ROLLED_BACK -> {
        out.add(REWARD_REDEMPTION_ROLLED_BACK);
        out.add(REDEMPTION_ROLLBACK_SUCCEEDED);
      }
      case REWARD_DELIVERED -> out.add(REWARD_REDEMPTION_COMPLETED);
      case TIER_JOINED -> out.add(TIER_JOINED);
      case TIER_LEFT -> out.add(TIER_LEFT);
      case TIER_UPGRADED -> out.add(TIER_UPGRADED);
      case TIER_DOWNGRADED -> out.add(TIER_DOWNGRADED);
      case TIER_PROLONGED -> out.add(TIER_PROLONGED);
      case TIER_EXPIRATION_CHANGED -> out.add(TIER_EXPIRATION_CHANGED);
    }
    if (event.payload() instanceof OutboxEvent.Transaction) {
      out.add(TRANSACTION_CREATED);
    }
    return List.copyOf(out);
  }
}
