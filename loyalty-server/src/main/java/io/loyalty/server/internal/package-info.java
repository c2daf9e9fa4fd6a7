/**
 * The server's machinery (routes, the host's in-memory catalog, the simulated clock, authentication and errors): not
 * API, may change at any time.
 */
@NullMarked
package io.loyalty.server.internal;

import org.jspecify.annotations.NullMarked;
