/**
 * The webhook publisher's machinery: request bodies and one endpoint's HTTP delivery. Internal: may change at any
 * time.
 */
@NullMarked
package io.loyalty.webhooks.internal;

import org.jspecify.annotations.NullMarked;
