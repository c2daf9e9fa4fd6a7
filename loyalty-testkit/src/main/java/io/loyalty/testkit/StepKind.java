package io.loyalty.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of step a random workload mixes, with their weights. Adding a kind is one line here plus its planner in
 * {@link Steps}; redemption steps join when the rewards engine lands. Kinds whose result a stale read can change
 * without any compare-and-set catching it are left out of the fault runs: a redefinition (re-sent, it makes another
 * version), switching a card off and on (an event evaluated on a stale switch commits a zero-point outcome with no
 * card write), and a sweep (a sweep that reads a stale card finds nothing due, commits nothing, and reports success).
 */
enum StepKind {
  ENROL(2, true, Steps::enrol),
  ORDER(6, true, Steps::order),
  CUSTOM_EVENT(2, true, Steps::customEvent),
  REFUND(2, true, Steps::refund),
  ADD_POINTS(2, true, Steps::addPoints),
  REMOVE_POINTS(2, true, Steps::removePoints),
  TRANSFER(2, true, Steps::transfer),
  REPLAY(2, true, Steps::replay),
  ADVANCE_CLOCK(2, true, Steps::advanceClock),
  SWEEP(1, false, Steps::sweep),
  REDEFINE(1, false, Steps::redefine),
  TOGGLE_CARD(1, false, Steps::toggleCard);

  /** Turns a step's random numbers into a concrete request, given what was sent so far. */
  @FunctionalInterface
  interface Planner {
    Request plan(Steps.Context context, Step step);
  }

  private final int weight;
  private final boolean safeUnderFaults;
  private final Planner planner;

  StepKind(int weight, boolean safeUnderFaults, Planner planner) {
    this.weight = weight;
    this.safeUnderFaults = safeUnderFaults;
    this.planner = planner;
  }

  Request plan(Steps.Context context, Step step) {
    return planner.plan(context, step);
  }

  /** Every kind repeated by its weight: the generator draws from this list. */
  static List<StepKind> mix(boolean underFaults) {
    List<StepKind> mix = new ArrayList<>();
    for (StepKind kind : values()) {
      if (!underFaults || kind.safeUnderFaults) {
        for (int i = 0; i < kind.weight; i++) {
          mix.add(kind);
        }
      }
    }
    return List.copyOf(mix);
  }
}
