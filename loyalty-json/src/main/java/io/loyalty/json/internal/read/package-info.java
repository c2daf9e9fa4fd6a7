/**
 * Wire to engine: the hand-written readers that turn wire DTOs into the engine's records, naming the JSON path of every offending field. Internal: may change at any time.
 */
@NullMarked
package io.loyalty.json.internal.read;

import org.jspecify.annotations.NullMarked;
