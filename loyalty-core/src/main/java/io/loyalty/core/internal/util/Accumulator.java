package io.loyalty.core.internal.util;

import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects elements into an unmodifiable list without copying in the common case of a single contribution: the
 * first list added is kept as it is (when it is already an unmodifiable JDK list), and only a second contribution
 * starts a working list. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class Accumulator<T> {
  private @Nullable List<T> single;
  private @Nullable ArrayList<T> many;

  /** An empty accumulator. */
  public Accumulator() {}

  /** Adds every element of the list. */
  public void addAll(List<? extends T> list) {
    if (list.isEmpty()) {
      return;
    }
    if (many != null) {
      many.addAll(list);
    } else if (single == null) {
      single = List.copyOf(list);
    } else {
      many = new ArrayList<>(single.size() + list.size() + 4);
      many.addAll(single);
      many.addAll(list);
      single = null;
    }
  }

  /** Adds one element. */
  public void add(T element) {
    if (many == null && single == null) {
      single = List.of(element);
      return;
    }
    if (many == null) {
      List<T> one = Objects.requireNonNull(single, "one element so far");
      many = new ArrayList<>(one.size() + 4);
      many.addAll(one);
      single = null;
    }
    many.add(element);
  }

  /** What was added, unmodifiable. */
  public List<T> list() {
    if (many != null) {
      return List.copyOf(many);
    }
    return single == null ? List.of() : single;
  }
}
