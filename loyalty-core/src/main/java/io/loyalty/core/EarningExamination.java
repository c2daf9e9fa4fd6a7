package io.loyalty.core;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a customer would earn now, per program membership and card (Voucherify v2's examine of earning rules): a dry
 * run of the engine's own evaluation (trigger limits, earning limits and first-match order included) that writes
 * nothing and chains no effects.
 *
 * @param event the examined trigger's Voucherify name, {@code null} for all of them
 * @param memberships one per program the customer is a member of (or the one asked for), in program id order
 */
public record EarningExamination(@Nullable String event, List<Membership> memberships) {
  /** Copies the list. */
  public EarningExamination {
    memberships = List.copyOf(memberships);
  }

  /**
   * One membership's estimate.
   *
   * @param program the program
   * @param cards one per card of the member, in wallet order
   */
  public record Membership(ProgramId program, List<CardEstimate> cards) {
    /** Copies the list. */
    public Membership {
      Objects.requireNonNull(program, "program");
      cards = List.copyOf(cards);
    }
  }

  /**
   * One card's estimate.
   *
   * @param card the card
   * @param wallet its wallet
   * @param points the points all examined events would put on it
   * @param rules the earning rules (v2 rules by their id, not their flattened effects) that would give points, in
   *     the order they first give
   */
  public record CardEstimate(CardCode card, WalletId wallet, long points, List<RuleEstimate> rules) {
    /** Copies the list. */
    public CardEstimate {
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(wallet, "wallet");
      rules = List.copyOf(rules);
    }
  }

  /**
   * One rule's share of a card's estimate.
   *
   * @param rule the rule
   * @param points its points on the card
   */
  public record RuleEstimate(RuleId rule, long points) {
    /** Checks the rule. */
    public RuleEstimate {
      Objects.requireNonNull(rule, "rule");
    }
  }
}
