/**
 * Engine to wire: the MapStruct mappers (and their hand-written parts for sealed types) that turn the engine's records into wire DTOs. Internal: may change at any time.
 */
@NullMarked
package io.loyalty.json.internal.write;

import org.jspecify.annotations.NullMarked;
