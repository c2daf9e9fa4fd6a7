package io.loyalty.spi.program;

/**
 * A reusable part of loyalty v2 programs, stored on its own and assigned to programs by id (Voucherify's card
 * definitions and earning rules under {@code /v2/loyalties}). A program keeps a copy of each part assigned to it,
 * which the engine rewrites when the part is edited.
 */
public sealed interface Component permits CardDefinition, FirstMatchRule {
  /** Which kind of part this is. */
  ComponentKind kind();

  /** The part's id as text, unique within its kind. */
  String componentId();
}
