/**
 * Voucherify's loyalty v2 JSON (card definitions, earning rules, programs, assignment batches, members): readers over
 * a parsed tree that name every offending field by its path, and writers of the response shapes. Internal: may change
 * at any time.
 */
@NullMarked
package io.loyalty.json.internal.v2;

import org.jspecify.annotations.NullMarked;
