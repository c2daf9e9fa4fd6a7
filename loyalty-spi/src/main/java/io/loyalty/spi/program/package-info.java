/**
 * Definitions of loyalty programs as Voucherify's "Create Loyalty Campaign" and "Create Earning Rule"
 * documents describe them: the program, its card pool and code pattern, earning rules with their
 * triggers, formulas, validity windows and conditions, named validation rules and custom event schemas.
 *
 * <p>These records accept any values: the engine validates a whole definition at once and rejects it
 * with every offending field path, which a constructor could not do.
 */
@NullMarked
package io.loyalty.spi.program;

import org.jspecify.annotations.NullMarked;
