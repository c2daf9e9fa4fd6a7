package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A customer in a request body: its {@code source_id} (the host's id, preferred) or Voucherify {@code id}, and the
 * metadata the rules read. Contact details are the host's and ignored.
 */
@JsonIgnoreProperties({"name", "email", "phone", "description", "address", "birthdate", "birthday", "object",
    "created_at", "updated_at", "summary", "loyalty", "referrals", "system_metadata"})
public record CustomerWire(@Nullable String id, @Nullable String sourceId, @Nullable ObjectNode metadata) {}
