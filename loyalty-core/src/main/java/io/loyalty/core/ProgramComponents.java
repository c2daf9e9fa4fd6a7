package io.loyalty.core;

import io.loyalty.core.internal.engine.ComponentOperations;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.Component;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.StoredComponent;
import java.util.List;
import java.util.Objects;

/**
 * Loyalty v2's reusable parts (Voucherify's {@code /v2/loyalties/card-definitions} and {@code /earning-rules}) and the
 * programs assembled from them ({@link LoyaltyEngine#components()}). A part is stored on its own with a status and
 * versions; a program holds a copy of each part assigned to it, and an edit of a part rewrites every live program
 * that holds it in the same commit. Rewards are the engine's reward catalog ({@link LoyaltyEngine#defineReward}),
 * with their v2 costs. Thread-safe.
 */
public final class ProgramComponents {
  private final ComponentOperations operations;

  ProgramComponents(ComponentOperations operations) {
    this.operations = operations;
  }

  /**
   * Stores the part as its next version (a new part as a DRAFT) and rewrites the programs that hold it; last writer
   * wins: use {@link #define(Component, long)} for parts others may edit too.
   *
   * @throws io.loyalty.spi.InvalidInputException naming every offending field, or a section locked in its status
   *     (an earning rule's trigger after DRAFT; a card definition's sections but name and metadata while a live
   *     program holds it); nothing is stored
   */
  public StoredComponent define(Component component) {
    return operations.define(Objects.requireNonNull(component, "component"), null);
  }

  /**
   * As {@link #define(Component)}, only if the stored latest version is still {@code expectedVersion} (0 to create).
   *
   * @throws DefinitionConflictException when another version was stored since; nothing is stored
   */
  public StoredComponent define(Component component, long expectedVersion) {
    return operations.define(Objects.requireNonNull(component, "component"), expectedVersion);
  }

  /** Activates the part (a card definition or earning rule from DRAFT, an earning rule from INACTIVE). */
  public StoredComponent activate(ComponentKind kind, String id) {
    return operations.setStatus(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"),
        ComponentStatus.ACTIVE);
  }

  /** Switches an ACTIVE earning rule off (INACTIVE) in every program that holds it. */
  public StoredComponent deactivate(String earningRule) {
    return operations.setStatus(ComponentKind.EARNING_RULE, Objects.requireNonNull(earningRule, "earningRule"),
        ComponentStatus.INACTIVE);
  }

  /** Returns an ACTIVE card definition to DRAFT; only while no program holds it. */
  public StoredComponent draft(String cardDefinition) {
    return draft(ComponentKind.CARD_DEFINITION, cardDefinition);
  }

  /**
   * Returns an ACTIVE card definition or earning rule to DRAFT (Voucherify's {@code …/draft}), where every section can
   * change again; only while no program holds it.
   */
  public StoredComponent draft(ComponentKind kind, String id) {
    return operations.setStatus(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"),
        ComponentStatus.DRAFT);
  }

  /** Deletes the part softly (its versions stay readable); only while no program holds it. */
  public StoredComponent delete(ComponentKind kind, String id) {
    return operations.setStatus(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"),
        ComponentStatus.DELETED);
  }

  /**
   * The latest version of the part.
   *
   * @throws io.loyalty.spi.NotFoundException when it was never stored
   */
  public StoredComponent get(ComponentKind kind, String id) {
    return operations.get(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"));
  }

  /** The latest version of every part of the kind, deleted ones included, in id order. */
  public List<StoredComponent> list(ComponentKind kind) {
    return operations.list(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Assembles a new program from the plan's parts and stores it (Voucherify's create program). Every id must name a
   * stored part that is not deleted, and an ACTIVE plan needs its card definitions ACTIVE.
   *
   * @throws io.loyalty.spi.InvalidInputException naming every offending id by its place in the plan; nothing is stored
   * @throws DefinitionConflictException when the program already exists
   */
  public Program createProgram(ProgramPlan plan) {
    return operations.create(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Applies one assignment batch to the program as its next version (unassigns first): card definitions only while
   * it is a DRAFT and not while a rule or offer of it pays with them; an ACTIVE program keeps an active earning rule.
   *
   * @throws io.loyalty.spi.InvalidInputException naming every offending item; in strict mode a missing, repeated or
   *     unassigned item too; nothing is stored
   */
  public AssignmentResult assign(ProgramId program, AssignmentBatch batch) {
    return operations.assign(Objects.requireNonNull(program, "program"), Objects.requireNonNull(batch, "batch"));
  }
}
