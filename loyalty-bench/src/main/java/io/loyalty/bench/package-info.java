/**
 * Benchmarks of the engine against a hand-written floor, Easy Rules and Drools on one workload (an order
 * of 5 lines, 12 earning rules): the variants, their agreement check, the interleaved harness and the
 * heap-per-member measurement. Not part of the library.
 */
@NullMarked
package io.loyalty.bench;

import org.jspecify.annotations.NullMarked;
