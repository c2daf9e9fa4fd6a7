/**
 * Voucherify's v1 JSON on the wire: the {@link io.loyalty.json.VoucherifyJson} facade that reads request bodies into
 * the engine's records and writes its records as response bodies, the typed {@link io.loyalty.json.WireInputException}
 * for bodies it cannot read, and the {@link io.loyalty.json.ErrorMapping} of every engine error to Voucherify's error
 * object. See {@code docs/wire.md} for what is mapped, field by field.
 */
@NullMarked
package io.loyalty.json;

import org.jspecify.annotations.NullMarked;
