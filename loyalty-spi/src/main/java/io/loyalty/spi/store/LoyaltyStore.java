package io.loyalty.spi.store;

/**
 * Everything the engine needs from persistence: program, card, ledger and reward reads plus the one write path.
 * A host implements it for its database; the engine ships a thread-safe in-memory one.
 */
public interface LoyaltyStore extends ProgramStore, ComponentStore, MemberStore, CardStore, LedgerStore, RewardStore, OutboxStore,
    ChangeSetWriter {}
