package io.loyalty.examples;

/** Runs every example in turn: the seed tutorial, a year of simulated time, the rewards tour, the tiers, then a v2
 * program of two wallets. */
public final class Examples {
  private Examples() {}

  /** Runs the examples, printing to standard output. */
  public static void main(String[] args) {
    System.out.println("#### Voucherify's loyalty tutorial, played on the embedded engine");
    SeedTutorial.main(args);
    System.out.println();
    System.out.println("#### A year of points: pending, expiry, a refund and a transfer");
    YearOfPoints.main(args);
    System.out.println();
    System.out.println("#### Rewards: the tutorial's redemption, stock, pay with points and a rollback");
    RewardsTour.main(args);
    System.out.println();
    System.out.println("#### Tiers: Voucherify's ladder, moves as outbox events, and a member's tier history");
    TierTour.main(args);
    System.out.println();
    System.out.println("#### Loyalty v2: two point wallets and first-match earning");
    WalletTour.main(args);
  }
}
