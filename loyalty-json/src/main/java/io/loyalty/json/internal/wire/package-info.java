/**
 * The wire DTOs: Voucherify's v1 JSON shapes as records, snake_case by the mapper's naming strategy. They carry no logic and never leave this module. Internal: may change at any time.
 */
@NullMarked
package io.loyalty.json.internal.wire;

import org.jspecify.annotations.NullMarked;
