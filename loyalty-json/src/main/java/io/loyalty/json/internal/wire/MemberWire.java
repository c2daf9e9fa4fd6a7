package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A v1 add-member body ({@code POST /v1/loyalties/{campaignId}/members}): the customer (an object, or its source id
 * as a bare text, as seed 002 sends it), the card code to publish, and the publication's source id and metadata.
 */
@JsonIgnoreProperties({"channel", "campaign"})
public record MemberWire(
    @Nullable JsonNode customer,
    @Nullable String voucher,
    @Nullable String sourceId,
    @Nullable ObjectNode metadata) {}
