package io.loyalty.core;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.WalletReward;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty v2 program to assemble from stored components (Voucherify's {@code POST /v2/loyalties/programs}): its own
 * fields and the ids of the card definitions, earning rules and rewards it is given, for
 * {@link ProgramComponents#createProgram}.
 *
 * @param id the program's id
 * @param name the display name
 * @param status DRAFT (the default) or ACTIVE
 * @param validity when it is in force
 * @param zone the project's time zone, in which its calendar periods run
 * @param metadata free key/values
 * @param cardDefinitions the wallets, by card definition id, in order
 * @param earningRules the v2 earning rules, by id, in order
 * @param rewards the rewards offered
 * @param tierStructure the program's tier structure on one of its wallets, {@code null} for none (the engine keeps a
 *     structure with its program, not as a component)
 */
public record ProgramPlan(ProgramId id, String name, ProgramStatus status, Validity validity, ZoneId zone,
    Metadata metadata, List<WalletId> cardDefinitions, List<RuleId> earningRules, List<Offer> rewards,
    io.loyalty.spi.tier.@Nullable TierStructure tierStructure) {

  /**
   * A reward offered by the program, in either shape of seed 004: with costs of its own (the older shape), or with
   * none, taking the costs stored on the reward (the current one).
   *
   * @param reward the reward
   * @param costs the offer's costs in first-match order; empty to take the reward's
   * @param stock a stock to set on the reward with the assignment (the older shape's plain stock), {@code null} to
   *     keep the reward's; the engine keeps stock on the reward, so it is shared by every program offering it
   */
  public record Offer(RewardId reward, List<WalletReward.Cost> costs, @Nullable Long stock) {
    /** Copies the costs. */
    public Offer {
      Objects.requireNonNull(reward, "reward");
      costs = List.copyOf(costs);
    }

    /** An offer at the reward's own costs. */
    public static Offer of(RewardId reward) {
      return new Offer(reward, List.of(), null);
    }

    /** An offer at these costs. */
    public static Offer of(RewardId reward, WalletReward.Cost... costs) {
      return new Offer(reward, List.of(costs), null);
    }

    /** A copy that sets the reward's stock. */
    public Offer withStock(@Nullable Long stock) {
      return new Offer(reward, costs, stock);
    }
  }

  /** Copies the lists. */
  public ProgramPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    status = status == null ? ProgramStatus.DRAFT : status;
    validity = validity == null ? Validity.ALWAYS : validity;
    zone = zone == null ? java.time.ZoneOffset.UTC : zone;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    cardDefinitions = List.copyOf(cardDefinitions);
    earningRules = List.copyOf(earningRules);
    rewards = List.copyOf(rewards);
  }

  /** A plan with no tier structure. */
  public ProgramPlan(ProgramId id, String name, ProgramStatus status, Validity validity, ZoneId zone,
      Metadata metadata, List<WalletId> cardDefinitions, List<RuleId> earningRules, List<Offer> rewards) {
    this(id, name, status, validity, zone, metadata, cardDefinitions, earningRules, rewards, null);
  }

  /** A builder of a DRAFT plan with nothing assigned. */
  public static Builder builder(ProgramId id, String name) {
    return new Builder(id, name);
  }

  /** Builds a plan part by part. Not thread-safe. */
  public static final class Builder {
    private final ProgramId id;
    private final String name;
    private ProgramStatus status = ProgramStatus.DRAFT;
    private Validity validity = Validity.ALWAYS;
    private ZoneId zone = java.time.ZoneOffset.UTC;
    private Metadata metadata = Metadata.EMPTY;
    private final List<WalletId> cardDefinitions = new ArrayList<>();
    private final List<RuleId> earningRules = new ArrayList<>();
    private final List<Offer> rewards = new ArrayList<>();
    private io.loyalty.spi.tier.@Nullable TierStructure tierStructure;

    Builder(ProgramId id, String name) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Sets the status (DRAFT or ACTIVE). */
    public Builder status(ProgramStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /** Sets when it is in force. */
    public Builder validity(Validity validity) {
      this.validity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** Sets the time zone. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Adds a card definition. */
    public Builder cardDefinition(WalletId id) {
      cardDefinitions.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** Adds an earning rule. */
    public Builder earningRule(RuleId id) {
      earningRules.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** Adds a reward offer. */
    public Builder reward(Offer offer) {
      rewards.add(Objects.requireNonNull(offer, "offer"));
      return this;
    }

    /** Sets the tier structure. */
    public Builder tierStructure(io.loyalty.spi.tier.TierStructure structure) {
      this.tierStructure = Objects.requireNonNull(structure, "structure");
      return this;
    }

    /** The plan. */
    public ProgramPlan build() {
      return new ProgramPlan(id, name, status, validity, zone, metadata, cardDefinitions, earningRules, rewards,
          tierStructure);
    }
  }
}
