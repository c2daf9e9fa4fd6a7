package io.loyalty.spi.earning;

import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.RuleId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one program's part of an event's decision was made from, beyond the event and the program version its
 * outcome names: the card's state as it bore on the rules, and the host's answers. With these, the decision is a
 * function of the receipt alone (see {@code LoyaltyEngine.replay}).
 *
 * @param program the program
 * @param block why the card earned nothing whatever the rules ({@code CARD_INACTIVE}, {@code CARD_EXPIRED}), or
 *     {@code null}
 * @param awarded the rules that had already earned for the event's order on the card, in rule order
 * @param answers what the host answered for this program's rules
 * @param held for a refund, the points the card still held from each rule of the order when it was judged; empty
 *     otherwise
 * @param basis for a refund, the events it was judged against: the order's payment, then its earlier refunds in
 *     ledger order; empty otherwise
 * @param tier the card's tier before the event's points, whose mappings its rules earned by; {@code null} for none
 * @param room for a loyalty v2 program, the points each wallet with a balance or period earning limit could still
 *     take on the member's card when the event was judged; empty otherwise
 * @param limited for a loyalty v2 program, its rules the member's history kept from earning by their trigger limits,
 *     with the reason ({@code TRIGGER_COOLDOWN}, {@code TRIGGER_LIMIT_REACHED}); empty otherwise
 */
public record ProgramInputs(ProgramId program, @Nullable SkipReason block, List<RuleId> awarded, HostAnswers answers,
    List<RulePoints> held, List<EventId> basis, @Nullable TierId tier, List<WalletRoom> room,
    List<RuleBlock> limited) {

  /**
   * A v2 rule kept from earning, and why.
   *
   * @param rule the v2 rule's id (its effects' {@code EarningRule.Branch#rule})
   * @param reason why
   */
  public record RuleBlock(RuleId rule, SkipReason reason) {
    /** Checks the parts. */
    public RuleBlock {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Inputs with no trigger limits. */
  public ProgramInputs(ProgramId program, @Nullable SkipReason block, List<RuleId> awarded, HostAnswers answers,
      List<RulePoints> held, List<EventId> basis, @Nullable TierId tier, List<WalletRoom> room) {
    this(program, block, awarded, answers, held, basis, tier, room, List.of());
  }

  /** Why the v2 rule was kept from earning, {@code null} when it was not. */
  public @Nullable SkipReason limitOf(RuleId rule) {
    for (RuleBlock b : limited) {
      if (b.rule().equals(rule)) {
        return b.reason();
      }
    }
    return null;
  }
  /** Copies the collections. */
  public ProgramInputs {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(answers, "answers");
    awarded = List.copyOf(awarded);
    held = List.copyOf(held);
    basis = List.copyOf(basis);
    room = room == null ? List.of() : List.copyOf(room);
    limited = limited == null ? List.of() : List.copyOf(limited);
  }

  /** Inputs with no wallet limits: every v1 program's. */
  public ProgramInputs(ProgramId program, @Nullable SkipReason block, List<RuleId> awarded, HostAnswers answers,
      List<RulePoints> held, List<EventId> basis, @Nullable TierId tier) {
    this(program, block, awarded, answers, held, basis, tier, List.of(), List.of());
  }

  /**
   * The points a wallet's earning limits left room for on the member's card.
   *
   * @param wallet the wallet
   * @param points 0 or more
   */
  public record WalletRoom(io.loyalty.spi.WalletId wallet, long points) {
    /** Checks the wallet. */
    public WalletRoom {
      Objects.requireNonNull(wallet, "wallet");
    }
  }

  /** The room recorded for the wallet, {@code null} when none was (it had no balance or period limit). */
  public @Nullable Long roomOf(io.loyalty.spi.WalletId wallet) {
    for (WalletRoom r : room) {
      if (r.wallet().equals(wallet)) {
        return r.points();
      }
    }
    return null;
  }

  /** A rule's points. */
  public record RulePoints(RuleId rule, long points) {
    /** Checks the rule. */
    public RulePoints {
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** The held points as a map, in order. */
  public java.util.Map<RuleId, Long> heldByRule() {
    java.util.Map<RuleId, Long> map = new java.util.LinkedHashMap<>();
    held.forEach(h -> map.put(h.rule(), h.points()));
    return map;
  }

  /** Inputs without a tier, as before tiers existed. */
  public ProgramInputs(ProgramId program, @Nullable SkipReason block, List<RuleId> awarded, HostAnswers answers,
      List<RulePoints> held, List<EventId> basis) {
    this(program, block, awarded, answers, held, basis, null);
  }

  /** The inputs of a program whose decision read nothing beyond the event and its definition. */
  public static ProgramInputs plain(ProgramId program) {
    return new ProgramInputs(program, null, List.of(), HostAnswers.NONE, List.of(), List.of(), null, List.of(),
        List.of());
  }
}
