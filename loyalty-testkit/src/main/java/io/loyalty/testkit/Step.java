package io.loyalty.testkit;

/**
 * One step of a random workload: a kind and three random numbers the kind turns into a concrete request (which
 * customer, how much, which earlier event or order). Shrinks with the numbers.
 */
record Step(StepKind kind, int a, int b, int c) {
  @Override
  public String toString() {
    return kind + "(" + a + ", " + b + ", " + c + ")";
  }
}
