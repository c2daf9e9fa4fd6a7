package io.loyalty.examples;

/** Runs every example in turn: the seed tutorial, then a year of simulated time. */
public final class Examples {
  private Examples() {}

  /** Runs the examples, printing to standard output. */
  public static void main(String[] args) {
    System.out.println("#### Voucherify's loyalty tutorial, played on the embedded engine");
    SeedTutorial.main(args);
    System.out.println();
    System.out.println("#### A year of points: pending, expiry, a refund and a transfer");
    YearOfPoints.main(args);
  }
}
