package io.loyalty.spi.program;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty program (Voucherify's loyalty campaign): its time zone and validity, its card pool and card
 * template, auto-join, and its earning rules. Each definition the engine stores gets a new
 * {@code version}, so points can always be traced to the rules that granted them. Build one with
 * {@link #builder(ProgramId, String)}.
 *
 * @param id the program's id
 * @param version 1 for the first stored definition, then one more per change; 0 before it is stored
 * @param name the display name
 * @param zone the IANA time zone for every calendar rule (days of week, hours, periods)
 * @param active the manual on/off switch
 * @param validity when the program is in force (start, expiration, recurring windows)
 * @param pool the card pool
 * @param card what every card starts with
 * @param autoJoin whether a customer without a card gets one on their first qualifying event
 * @param refundPolicy what a refund does when the order's points were already spent
 * @param earningRules the rules, with unique ids; every matching rule stacks
 * @param rewards the rewards the program offers, with their prices in points
 * @param redemptionCondition what must hold for any redemption in the program (Voucherify's campaign
 *     validation rules), {@code null} for nothing
 * @param tiers the program's tiers in ascending order of their ranges; empty for none
 * @param tierPolicy how members qualify for the tiers and keep them ({@link TierPolicy#BALANCE_DROP} by default)
 * @param metadata free key/values
 * @param wallets a loyalty v2 program's point wallets (card definitions), each member holding one card of each;
 *     empty for a v1 program, whose one wallet is {@link io.loyalty.spi.WalletId#MAIN} under its card template
 * @param status a v2 program's status, with {@code active} true exactly when it is {@link ProgramStatus#ACTIVE}; for
 *     a v1 program (and a v2 one built without a status) the switch's: {@code ACTIVE} or {@code INACTIVE}
 * @param tierStructure a loyalty v2 program's tier structure (at most one), {@code null} for none
 */
public record Program(
    ProgramId id,
    long version,
    String name,
    ZoneId zone,
    boolean active,
    Validity validity,
    CardPool pool,
    CardTemplate card,
    boolean autoJoin,
    RefundPolicy refundPolicy,
    List<EarningRule> earningRules,
    List<RewardAssignment> rewards,
    @Nullable Condition redemptionCondition,
    List<Tier> tiers,
    TierPolicy tierPolicy,
    Metadata metadata,
    List<CardDefinition> wallets,
    ProgramStatus status,
    io.loyalty.spi.tier.@Nullable TierStructure tierStructure) {

  /** A program with no v2 tier structure. */
  public Program(ProgramId id, long version, String name, ZoneId zone, boolean active, Validity validity,
      CardPool pool, CardTemplate card, boolean autoJoin, RefundPolicy refundPolicy, List<EarningRule> earningRules,
      List<RewardAssignment> rewards, @Nullable Condition redemptionCondition, List<Tier> tiers, TierPolicy tierPolicy,
      Metadata metadata, List<CardDefinition> wallets, ProgramStatus status) {
    this(id, version, name, zone, active, validity, pool, card, autoJoin, refundPolicy, earningRules, rewards,
        redemptionCondition, tiers, tierPolicy, metadata, wallets, status, null);
  }

  /** A v1 program: one wallet, its card template's. */
  public Program(ProgramId id, long version, String name, ZoneId zone, boolean active, Validity validity,
      CardPool pool, CardTemplate card, boolean autoJoin, RefundPolicy refundPolicy, List<EarningRule> earningRules,
      List<RewardAssignment> rewards, @Nullable Condition redemptionCondition, List<Tier> tiers, TierPolicy tierPolicy,
      Metadata metadata) {
    this(id, version, name, zone, active, validity, pool, card, autoJoin, refundPolicy, earningRules, rewards,
        redemptionCondition, tiers, tierPolicy, metadata, List.of(),
        active ? ProgramStatus.ACTIVE : ProgramStatus.INACTIVE);
  }

  /** Defaults the optional parts and copies the rules. */
  public Program {
    validity = validity == null ? Validity.ALWAYS : validity;
    pool = pool == null ? CardPool.ON_DEMAND : pool;
    card = card == null ? CardTemplate.DEFAULT : card;
    refundPolicy = refundPolicy == null ? RefundPolicy.WITHIN_BALANCE : refundPolicy;
    earningRules = earningRules == null ? List.of() : List.copyOf(earningRules);
    rewards = rewards == null ? List.of() : List.copyOf(rewards);
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    tierPolicy = tierPolicy == null ? TierPolicy.BALANCE_DROP : tierPolicy;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    wallets = wallets == null ? List.of() : List.copyOf(wallets);
    if (status == null || wallets.isEmpty()) {
      // a v1 program's status is its switch's (a body stored before statuses has none either)
      status = active ? ProgramStatus.ACTIVE : ProgramStatus.INACTIVE;
    } else {
      active = status == ProgramStatus.ACTIVE;
    }
  }

  /** Whether this is a loyalty v2 program: one with its own point wallets. */
  public boolean isV2() {
    return !wallets.isEmpty();
  }

  /** The v2 wallet with this id, if the program has it. */
  public Optional<CardDefinition> wallet(io.loyalty.spi.WalletId wallet) {
    for (CardDefinition w : wallets) {
      if (w.id().equals(wallet)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /** The wallets members hold a card of: the v2 wallets' ids, or {@link io.loyalty.spi.WalletId#MAIN} alone. */
  public List<io.loyalty.spi.WalletId> walletIds() {
    if (wallets.isEmpty()) {
      return List.of(io.loyalty.spi.WalletId.MAIN);
    }
    List<io.loyalty.spi.WalletId> ids = new ArrayList<>(wallets.size());
    wallets.forEach(w -> ids.add(w.id()));
    return ids;
  }

  /** The code configuration of the wallet's cards: its card definition's, or the card template's for v1. */
  public CodeConfig codeConfig(io.loyalty.spi.WalletId wallet) {
    return wallet(wallet).map(CardDefinition::codeConfig).orElse(card.codeConfig());
  }

  /** When the wallet's points expire unless their rule says otherwise: its card definition's, or the template's. */
  public @Nullable ExpirationRule expiration(io.loyalty.spi.WalletId wallet) {
    Optional<CardDefinition> w = wallet(wallet);
    return w.isPresent() ? w.get().expiration() : card.expiration();
  }

  /** How long the wallet's earned points stay pending unless their rule says otherwise ({@code null}: not at all). */
  public @Nullable PendingPoints pendingPoints(io.loyalty.spi.WalletId wallet) {
    return wallet(wallet).map(CardDefinition::pendingPoints).orElse(null);
  }

  /** The v2 reward offers, regrouped from their flattened costs in order; empty for a v1 program. */
  public List<io.loyalty.spi.reward.WalletReward> walletRewards() {
    return io.loyalty.spi.reward.WalletReward.regroup(rewards);
  }

  /** The v2 earning rules, regrouped from their flattened effects in rule order; empty for a v1 program. */
  public List<FirstMatchRule> firstMatchRules() {
    return FirstMatchRule.regroup(earningRules);
  }

  /** Starts a program in UTC that is active and always in force, with an on-demand pool and no rules. */
  public static Builder builder(ProgramId id, String name) {
    return new Builder(id, name);
  }

  /** A builder seeded with this program's values (the version is assigned when stored). */
  public Builder toBuilder() {
    Builder b = new Builder(id, name).zone(zone).active(active).validity(validity).pool(pool).card(card)
        .autoJoin(autoJoin).refundPolicy(refundPolicy).redemptionCondition(redemptionCondition).tierPolicy(tierPolicy).metadata(metadata);
    earningRules.forEach(b::earningRule);
    rewards.forEach(b::reward);
    tiers.forEach(b::tier);
    wallets.forEach(b::wallet);
    b.status = wallets.isEmpty() ? null : status;
    b.tierStructure = tierStructure;
    return b;
  }

  /** This definition with another version number; used by stores and the engine. */
  public Program withVersion(long version) {
    return new Program(id, version, name, zone, active, validity, pool, card, autoJoin, refundPolicy, earningRules,
        rewards, redemptionCondition, tiers, tierPolicy, metadata, wallets, status, tierStructure);
  }

  /** The rule with this id, if any. */
  public Optional<EarningRule> rule(RuleId ruleId) {
    return earningRules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }

  /** The reward assignment with this id, if any. */
  public Optional<RewardAssignment> reward(AssignmentId assignment) {
    return rewards.stream().filter(r -> r.id().equals(assignment)).findFirst();
  }

  /** Builds a {@link Program}; not thread-safe. */
  public static final class Builder {
    private final ProgramId id;
    private final String name;
    private ZoneId zone = ZoneId.of("UTC");
    private boolean active = true;
    private Validity validity = Validity.ALWAYS;
    private CardPool pool = CardPool.ON_DEMAND;
    private CardTemplate card = CardTemplate.DEFAULT;
    private boolean autoJoin;
    private RefundPolicy refundPolicy = RefundPolicy.WITHIN_BALANCE;
    private final List<EarningRule> rules = new ArrayList<>();
    private final List<RewardAssignment> rewards = new ArrayList<>();
    private @Nullable Condition redemptionCondition;
    private final List<Tier> tiers = new ArrayList<>();
    private TierPolicy tierPolicy = TierPolicy.BALANCE_DROP;
    private Metadata metadata = Metadata.EMPTY;
    private final List<CardDefinition> wallets = new ArrayList<>();
    private @Nullable ProgramStatus status;
    private io.loyalty.spi.tier.@Nullable TierStructure tierStructure;

    private Builder(ProgramId id, String name) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Sets the IANA time zone of the program's calendar rules. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the manual on/off switch (a v2 program's status becomes {@code ACTIVE} or {@code INACTIVE} with it). */
    public Builder active(boolean active) {
      this.active = active;
      this.status = null;
      return this;
    }

    /** Sets when the program is in force. */
    public Builder validity(Validity validity) {
      this.validity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** Sets the card pool. */
    public Builder pool(CardPool pool) {
      this.pool = Objects.requireNonNull(pool, "pool");
      return this;
    }

    /** Sets the card template. */
    public Builder card(CardTemplate card) {
      this.card = Objects.requireNonNull(card, "card");
      return this;
    }

    /** Sets whether customers join on their first qualifying event. */
    public Builder autoJoin(boolean autoJoin) {
      this.autoJoin = autoJoin;
      return this;
    }

    /** Sets what a refund does when the order's points were already spent; WITHIN_BALANCE by default. */
    public Builder refundPolicy(RefundPolicy refundPolicy) {
      this.refundPolicy = Objects.requireNonNull(refundPolicy, "refundPolicy");
      return this;
    }

    /** Adds an earning rule. */
    public Builder earningRule(EarningRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds a v2 earning rule: its effects, flattened in order ({@link FirstMatchRule#flatten}). */
    public Builder earningRule(FirstMatchRule rule) {
      rule.flatten().forEach(this::earningRule);
      return this;
    }

    /** Replaces every v2 wallet. */
    public Builder wallets(List<CardDefinition> wallets) {
      this.wallets.clear();
      wallets.forEach(this::wallet);
      return this;
    }

    /** Adds a v2 point wallet (card definition): members then hold a card of each. */
    public Builder wallet(CardDefinition wallet) {
      wallets.add(Objects.requireNonNull(wallet, "wallet"));
      return this;
    }

    /**
     * Sets a v2 program's status ({@code DRAFT} to assemble it first; Voucherify's default on create). Without one a
     * program's status follows its switch, which is on by default.
     */
    public Builder status(@Nullable ProgramStatus status) {
      this.status = status;
      if (status != null) {
        this.active = status == ProgramStatus.ACTIVE;
      }
      return this;
    }

    /** Replaces every earning rule. */
    public Builder earningRules(List<EarningRule> rules) {
      this.rules.clear();
      rules.forEach(this::earningRule);
      return this;
    }

    /** Offers a reward at a price in points. */
    public Builder reward(RewardAssignment assignment) {
      rewards.add(Objects.requireNonNull(assignment, "assignment"));
      return this;
    }

    /** Offers a reward in a v2 program at its costs: flattened in order ({@link io.loyalty.spi.reward.WalletReward#flatten}). */
    public Builder reward(io.loyalty.spi.reward.WalletReward offer) {
      offer.flatten().forEach(this::reward);
      return this;
    }

    /** Replaces every reward assignment. */
    public Builder rewards(List<RewardAssignment> assignments) {
      this.rewards.clear();
      assignments.forEach(this::reward);
      return this;
    }

    /** Sets what must hold for any redemption in the program, {@code null} for nothing. */
    public Builder redemptionCondition(@Nullable Condition condition) {
      this.redemptionCondition = condition;
      return this;
    }

    /** Adds a tier; tiers are given in ascending order of their ranges. */
    public Builder tier(Tier tier) {
      tiers.add(Objects.requireNonNull(tier, "tier"));
      return this;
    }

    /** Replaces every tier. */
    public Builder tiers(List<Tier> tiers) {
      this.tiers.clear();
      tiers.forEach(this::tier);
      return this;
    }

    /** Sets how members qualify for the tiers and keep them. */
    public Builder tierPolicy(TierPolicy tierPolicy) {
      this.tierPolicy = Objects.requireNonNull(tierPolicy, "tierPolicy");
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Sets a v2 program's tier structure (Voucherify allows one per program), {@code null} for none; it can change
     * only while the program is a {@code DRAFT}, but for its name and metadata.
     */
    public Builder tierStructure(io.loyalty.spi.tier.@Nullable TierStructure tierStructure) {
      this.tierStructure = tierStructure;
      return this;
    }

    /** Returns the program (version 0); the engine validates it when it is defined. */
    public Program build() {
      return new Program(id, 0, name, zone, active, validity, pool, card, autoJoin, refundPolicy, rules, rewards,
          redemptionCondition, tiers, tierPolicy, metadata, wallets,
          status != null ? status : active ? ProgramStatus.ACTIVE : ProgramStatus.INACTIVE, tierStructure);
    }
  }
}
