/**
 * The loyalty SPI: ids, records, and the store and host ports that the engine, its stores and its hosts share.
 * Every package is API; it needs the JDK only (the JSpecify annotations at compile time).
 *
 * <p>The module is open: a store adapter may map these records reflectively (the PostgreSQL store's Jackson reads
 * their fields), and opening them costs nothing, since a record's fields stay final even to reflection.
 */
open module io.loyalty.spi {
  // the nullness annotations, for this module's compilation only: a user compiles and runs without them
  requires static org.jspecify;

  exports io.loyalty.spi;
  exports io.loyalty.spi.card;
  exports io.loyalty.spi.earning;
  exports io.loyalty.spi.event;
  exports io.loyalty.spi.host;
  exports io.loyalty.spi.program;
  exports io.loyalty.spi.reward;
  exports io.loyalty.spi.store;
  exports io.loyalty.spi.tier;
}
