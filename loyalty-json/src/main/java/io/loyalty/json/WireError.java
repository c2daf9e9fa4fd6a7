package io.loyalty.json;

/**
 * An error as Voucherify answers it: the HTTP status, the key, and the JSON body of Voucherify's error object
 * ({@code code}, {@code key}, {@code message}, {@code details}, {@code request_id}, and {@code resource_id} /
 * {@code resource_type} when a resource was not found).
 *
 * @param status the HTTP status, such as 400 or 404
 * @param key Voucherify's error key, such as {@code loyalty_card_points_exceeded}
 * @param body the error object as JSON, never {@code null}
 */
public record WireError(int status, String key, String body) {}
