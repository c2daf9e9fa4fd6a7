/**
 * A Spring Boot sample application on the loyalty starter: {@code POST /orders} earns points for the customer, and the
 * engine's outbox sends each {@code points_added} event, signed, to the webhook endpoint of
 * {@code application.properties}.
 */
@NullMarked
package io.loyalty.sample;

import org.jspecify.annotations.NullMarked;
