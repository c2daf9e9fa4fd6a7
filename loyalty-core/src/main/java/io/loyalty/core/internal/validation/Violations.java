package io.loyalty.core.internal.validation;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Limits;
import io.loyalty.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects every offending field of one input, then throws them all at once. Not thread-safe. */
public final class Violations {
  private @Nullable List<Violation> found;

  /** Records a violation. */
  public void add(String path, String message, @Nullable Object value) {
    if (found == null) {
      found = new ArrayList<>();
    }
    found.add(new Violation(path, message, value));
  }

  /** Records every violation of a list. */
  public void addAll(List<Violation> violations) {
    for (Violation violation : violations) {
      add(violation.path(), violation.message(), violation.value());
    }
  }

  /** Records a violation unless {@code ok}; returns {@code ok}. */
  public boolean check(boolean ok, String path, String message, @Nullable Object value) {
    if (!ok) {
      add(path, message, value);
    }
    return ok;
  }

  /** Records a violation when {@code value} is null; returns whether it was present. */
  public boolean present(@Nullable Object value, String path) {
    return check(value != null, path, "is required", null);
  }

  /**
   * Records a violation unless {@code value} is a present, non-blank free text within {@code max} characters
   * that {@link Limits#textProblem} accepts; returns whether it was acceptable.
   */
  public boolean name(@Nullable String value, String path, int max) {
    if (value == null) {
      return present(null, path);
    }
    if (!check(!value.isBlank(), path, "must not be blank", value)) {
      return false;
    }
    return problem(Limits.textProblem(value, max), path, value);
  }

  /** Records a violation unless {@code value} is a present identifier text that {@link Limits#idProblem} accepts. */
  public boolean id(@Nullable String value, String path) {
    if (value == null) {
      return present(null, path);
    }
    return problem(Limits.idProblem(value), path, value);
  }

  /** Records {@code problem} on {@code path} when there is one; returns whether there was none. */
  public boolean problem(@Nullable String problem, String path, @Nullable Object value) {
    if (problem != null) {
      add(path, problem, value);
    }
    return problem == null;
  }

  /** Throws an {@link InvalidInputException} listing every violation, if there are any. */
  public void throwIfAny() {
    if (found != null) {
      throw new InvalidInputException(found);
    }
  }

  /** Whether none was recorded. */
  public boolean isEmpty() {
    return found == null;
  }

  /** What was recorded so far. */
  public List<Violation> list() {
    return found == null ? List.of() : List.copyOf(found);
  }
}
