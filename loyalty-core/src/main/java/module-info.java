/**
 * The loyalty engine: {@code io.loyalty.core} is its whole API (the engine, its builder, the in-memory store and the
 * typed errors); the {@code internal} packages are not exported, so no user can reach them.
 */
module io.loyalty.core {
  requires transitive io.loyalty.spi;
  requires com.google.common;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.loyalty.core;
}
