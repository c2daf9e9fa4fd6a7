package io.loyalty.spi.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one engine operation writes, applied by {@link ChangeSetWriter#commit} all-or-nothing:
 * program, card, reward and redemption writes with expected versions, ledger appends with unique keys, and
 * the event's receipt with its unique id.
 *
 * @param programs program versions to store
 * @param cards cards to insert or update
 * @param entries ledger entries to append
 * @param receipt the applied event's receipt, {@code null} for operations that are not events
 * @param rewards rewards to insert or update (stock counts)
 * @param redemptions redemptions to insert or update
 * @param events the domain events the change causes, written to the outbox in the same commit (unique ids)
 * @param components loyalty v2 component versions to store
 * @param members loyalty v2 member records to insert or update
 */
public record ChangeSet(
    List<ProgramWrite> programs, List<CardWrite> cards, List<io.loyalty.spi.card.LedgerEntry> entries,
    @Nullable EventReceipt receipt, List<RewardWrite> rewards, List<RedemptionWrite> redemptions,
    List<OutboxEvent> events, List<ComponentWrite> components, List<MemberWrite> members) {

  /** Copies the lists. */
  public ChangeSet {
    programs = List.copyOf(programs);
    cards = List.copyOf(cards);
    entries = List.copyOf(entries);
    rewards = List.copyOf(rewards);
    redemptions = List.copyOf(redemptions);
    events = List.copyOf(events);
    components = List.copyOf(components);
    members = List.copyOf(members);
  }

  /** A change set with no member writes. */
  public ChangeSet(List<ProgramWrite> programs, List<CardWrite> cards, List<io.loyalty.spi.card.LedgerEntry> entries,
      @Nullable EventReceipt receipt, List<RewardWrite> rewards, List<RedemptionWrite> redemptions,
      List<OutboxEvent> events, List<ComponentWrite> components) {
    this(programs, cards, entries, receipt, rewards, redemptions, events, components, List.of());
  }

  /** A change set with no component writes. */
  public ChangeSet(List<ProgramWrite> programs, List<CardWrite> cards, List<io.loyalty.spi.card.LedgerEntry> entries,
      @Nullable EventReceipt receipt, List<RewardWrite> rewards, List<RedemptionWrite> redemptions,
      List<OutboxEvent> events) {
    this(programs, cards, entries, receipt, rewards, redemptions, events, List.of());
  }

  /** A change set with no events. */
  public ChangeSet(List<ProgramWrite> programs, List<CardWrite> cards, List<io.loyalty.spi.card.LedgerEntry> entries,
      @Nullable EventReceipt receipt, List<RewardWrite> rewards, List<RedemptionWrite> redemptions) {
    this(programs, cards, entries, receipt, rewards, redemptions, List.of());
  }

  /** The same writes with these events instead. */
  public ChangeSet withEvents(List<OutboxEvent> events) {
    return new ChangeSet(programs, cards, entries, receipt, rewards, redemptions, events, components, members);
  }

  /** A change set with no reward or redemption writes. */
  public ChangeSet(List<ProgramWrite> programs, List<CardWrite> cards, List<io.loyalty.spi.card.LedgerEntry> entries,
      @Nullable EventReceipt receipt) {
    this(programs, cards, entries, receipt, List.of(), List.of(), List.of());
  }

  /** Whether it writes nothing. */
  public boolean isEmpty() {
    return programs.isEmpty() && cards.isEmpty() && entries.isEmpty() && receipt == null && rewards.isEmpty()
        && redemptions.isEmpty() && events.isEmpty() && components.isEmpty()
        && members.isEmpty();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a change set by named parts, write by write or list by list. Not thread-safe. */
  public static final class Builder {
    private final List<ProgramWrite> programs = new java.util.ArrayList<>();
    private final List<CardWrite> cards = new java.util.ArrayList<>();
    private final List<io.loyalty.spi.card.LedgerEntry> entries = new java.util.ArrayList<>();
    private @Nullable EventReceipt receipt;
    private final List<RewardWrite> rewards = new java.util.ArrayList<>();
    private final List<RedemptionWrite> redemptions = new java.util.ArrayList<>();
    private final List<OutboxEvent> events = new java.util.ArrayList<>();
    private final List<ComponentWrite> components = new java.util.ArrayList<>();
    private final List<MemberWrite> members = new java.util.ArrayList<>();

    Builder() {}

    /** Adds a member record write. */
    public Builder member(MemberWrite write) {
      members.add(write);
      return this;
    }

    /** Adds a component version to store. */
    public Builder component(ComponentWrite write) {
      components.add(write);
      return this;
    }

    /** Adds a program version to store. */
    public Builder program(ProgramWrite write) {
      programs.add(write);
      return this;
    }

    /** Adds a card write. */
    public Builder card(CardWrite write) {
      cards.add(write);
      return this;
    }

    /** Adds card writes. */
    public Builder cards(List<CardWrite> writes) {
      cards.addAll(writes);
      return this;
    }

    /** Adds ledger entries. */
    public Builder entries(List<io.loyalty.spi.card.LedgerEntry> appended) {
      entries.addAll(appended);
      return this;
    }

    /** Sets the event's receipt. */
    public Builder receipt(@Nullable EventReceipt receipt) {
      this.receipt = receipt;
      return this;
    }

    /** Adds a reward write. */
    public Builder reward(RewardWrite write) {
      rewards.add(write);
      return this;
    }

    /** Adds reward writes. */
    public Builder rewards(List<RewardWrite> writes) {
      rewards.addAll(writes);
      return this;
    }

    /** Adds a redemption write. */
    public Builder redemption(RedemptionWrite write) {
      redemptions.add(write);
      return this;
    }

    /** Adds redemption writes. */
    public Builder redemptions(List<RedemptionWrite> writes) {
      redemptions.addAll(writes);
      return this;
    }

    /** Adds events to write to the outbox. */
    public Builder events(List<OutboxEvent> more) {
      events.addAll(more);
      return this;
    }

    /** The change set. */
    public ChangeSet build() {
      return new ChangeSet(programs, cards, entries, receipt, rewards, redemptions, events, components, members);
    }
  }
}
