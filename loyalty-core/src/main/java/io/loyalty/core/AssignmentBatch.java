package io.loyalty.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One batch of assignments to a loyalty v2 program (Voucherify's {@code POST /programs/{id}/<kind>/batch}): ids to
 * unassign, processed first, then ids to assign, all of one kind, in one program version. In strict mode (the
 * default) a missing component, a component already assigned or an id not assigned fails the whole batch; otherwise
 * those items are skipped and reported.
 *
 * @param target what the ids name
 * @param unassign ids to unassign, processed first
 * @param assign card definition or earning rule ids to assign (for {@link Target#REWARDS}, use {@code offers})
 * @param offers reward offers to assign
 * @param strict whether any missing or repeated item fails the whole batch
 */
public record AssignmentBatch(Target target, List<String> unassign, List<String> assign,
    List<ProgramPlan.Offer> offers, boolean strict) {

  /** What a batch assigns. */
  public enum Target {
    /** Card definitions (wallets): only while the program is a DRAFT. */
    CARD_DEFINITIONS,
    /** v2 earning rules. */
    EARNING_RULES,
    /** Reward offers, named by their reward's id. */
    REWARDS
  }

  /** Copies the lists. */
  public AssignmentBatch {
    Objects.requireNonNull(target, "target");
    unassign = List.copyOf(unassign);
    assign = List.copyOf(assign);
    offers = List.copyOf(offers);
  }

  /** A strict, empty batch of the target. */
  public static Builder of(Target target) {
    return new Builder(target);
  }

  /** Builds a batch. Not thread-safe. */
  public static final class Builder {
    private final Target target;
    private final List<String> unassign = new ArrayList<>();
    private final List<String> assign = new ArrayList<>();
    private final List<ProgramPlan.Offer> offers = new ArrayList<>();
    private boolean strict = true;

    Builder(Target target) {
      this.target = Objects.requireNonNull(target, "target");
    }

    /** Adds an id to unassign. */
    public Builder unassign(String id) {
      unassign.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** Adds a card definition or earning rule id to assign. */
    public Builder assign(String id) {
      assign.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /** Adds a reward offer to assign. */
    public Builder assign(ProgramPlan.Offer offer) {
      offers.add(Objects.requireNonNull(offer, "offer"));
      return this;
    }

    /** Sets strict mode (on by default). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The batch. */
    public AssignmentBatch build() {
      return new AssignmentBatch(target, unassign, assign, offers, strict);
    }
  }
}
