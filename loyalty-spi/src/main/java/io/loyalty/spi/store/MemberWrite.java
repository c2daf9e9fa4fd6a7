package io.loyalty.spi.store;

import io.loyalty.spi.card.Member;

/**
 * Stores a member record if its stored version is still {@code expectedVersion} (0 for a new member);
 * {@code member.version()} must be {@code expectedVersion + 1}.
 */
public record MemberWrite(Member member, long expectedVersion) {}
