/**
 * Voucherify's v1 loyalty JSON for the engine: {@code io.loyalty.json.VoucherifyJson} reads Voucherify's request
 * bodies into the engine's records and writes the engine's records and errors as Voucherify's response bodies. Only
 * {@code io.loyalty.json} is API; the wire DTOs and mappers live in {@code internal} packages.
 */
// MapStruct is an automatic module, under the stable name its manifest declares
@SuppressWarnings("requires-automatic")
module io.loyalty.json {
  requires transitive io.loyalty.core;
  requires com.fasterxml.jackson.databind;
  // MapStruct's annotations have class retention: nothing of it is needed at run time
  requires static org.mapstruct;
  requires static org.jspecify;

  exports io.loyalty.json;
  // the wire DTOs are records Jackson reads and writes reflectively; no other module sees them
  opens io.loyalty.json.internal.wire to com.fasterxml.jackson.databind;
}
