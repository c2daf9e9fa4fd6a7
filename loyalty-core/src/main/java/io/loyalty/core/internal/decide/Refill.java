package io.loyalty.core.internal.decide;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.program.Program;

/**
 * New unpublished cards a join asks for to keep an AUTO_UPDATE pool's reserve. Their codes are drawn when the change
 * set is completed, after the decision (nothing decided depends on them), and their writes go just before the
 * published card's.
 *
 * @param program the pool's program
 * @param count how many to generate
 * @param published the card the join published, never one of them
 */
public record Refill(Program program, int count, CardCode published) {}
