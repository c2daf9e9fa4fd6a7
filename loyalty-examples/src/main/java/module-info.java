/** The runnable examples: the seed tutorial, a year of points and a rewards tour, on the engine's API only. */
module io.loyalty.examples {
  requires io.loyalty.core;
  requires static org.jspecify;
}
