/**
 * The same measurements as JMH benchmarks, for profilers ({@code -prof gc}, {@code -prof stack}) and for
 * a second opinion on the harness: evaluation and quote, apply into the in-memory store, balance.
 */
@NullMarked
package io.loyalty.bench.jmh;

import org.jspecify.annotations.NullMarked;
