package io.loyalty.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of step a random workload mixes, with their weights and how they run under faults. Adding a kind is one
 * line here plus its planner in {@link Steps} or {@link RewardSteps}. Kinds whose result a stale read can change
 * without any compare-and-set catching it are left out of the fault runs: a redefinition (re-sent, it makes another
 * version), switching a card off and on (an event evaluated on a stale switch commits a zero-point outcome with no
 * card write), and a sweep (a sweep that reads a stale card finds nothing due, commits nothing, and reports success).
 * Redemptions, payments with points and rollbacks meet every fault but stale reads: a redemption that fails its checks
 * on a stale card is recorded as failed with no write to the card, and a rollback that reads a stale, empty card of
 * the other program takes none of a LOYALTY_PROGRAM reward's points back, with no write to that card; no
 * compare-and-set catches either.
 */
enum StepKind {
  ENROL(2, UnderFaults.EVERY_FAULT, Steps::enrol),
  ORDER(6, UnderFaults.EVERY_FAULT, Steps::order),
  CUSTOM_EVENT(2, UnderFaults.EVERY_FAULT, Steps::customEvent),
  REFUND(2, UnderFaults.EVERY_FAULT, Steps::refund),
  ADD_POINTS(2, UnderFaults.EVERY_FAULT, Steps::addPoints),
  REMOVE_POINTS(2, UnderFaults.EVERY_FAULT, Steps::removePoints),
  TRANSFER(2, UnderFaults.EVERY_FAULT, Steps::transfer),
  REPLAY(2, UnderFaults.EVERY_FAULT, Steps::replay),
  ADVANCE_CLOCK(2, UnderFaults.EVERY_FAULT, Steps::advanceClock),
  SWEEP(1, UnderFaults.LEFT_OUT, Steps::sweep),
  REDEFINE(1, UnderFaults.LEFT_OUT, Steps::redefine),
  TOGGLE_CARD(1, UnderFaults.LEFT_OUT, Steps::toggleCard),
  REDEEM(3, UnderFaults.EVERY_FAULT, RewardSteps::redeem),
  PAY_WITH_POINTS(1, UnderFaults.EVERY_FAULT, RewardSteps::payWithPoints),
  ROLLBACK(2, UnderFaults.EVERY_FAULT, RewardSteps::rollback),
  COMPLETE_FULFILMENT(1, UnderFaults.EVERY_FAULT, RewardSteps::completeFulfilment);

  /** How a kind runs in the fault runs. */
  enum UnderFaults {
    /** Not at all: a stale read can change its result, or a blind re-send repeats it. */
    LEFT_OUT,
    /** With every fault but stale reads: a decision a stale card can make is committed with no compare-and-set. */
    NO_STALE_READS,
    /** With every fault. */
    EVERY_FAULT
  }

  /** Turns a step's random numbers into a concrete request, given what was sent so far. */
  @FunctionalInterface
  interface Planner {
    Request plan(Steps.Context context, Step step);
  }

  private final int weight;
  private final UnderFaults underFaults;
  private final Planner planner;

  StepKind(int weight, UnderFaults underFaults, Planner planner) {
    this.weight = weight;
    this.underFaults = underFaults;
    this.planner = planner;
  }

  /** Whether stale reads may be injected while a step of this kind runs. */
  boolean meetsStaleReads() {
    return underFaults == UnderFaults.EVERY_FAULT;
  }

  Request plan(Steps.Context context, Step step) {
    return planner.plan(context, step);
  }

  /** Every kind repeated by its weight: the generator draws from this list. */
  static List<StepKind> mix(boolean underFaults) {
    List<StepKind> mix = new ArrayList<>();
    for (StepKind kind : values()) {
      if (!underFaults || kind.underFaults != UnderFaults.LEFT_OUT) {
        for (int i = 0; i < kind.weight; i++) {
          mix.add(kind);
        }
      }
    }
    return List.copyOf(mix);
  }
}
