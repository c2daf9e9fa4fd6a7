package io.loyalty.core.internal.util;

import java.util.Arrays;
import java.util.List;

/**
 * A growable array that ends as an unmodifiable list with one copy at most (none up to ten elements, see
 * {@link Lists#of}), where an {@code ArrayList} handed to a record's {@code List.copyOf} costs two more. Sized up
 * front when the caller knows how many elements will come. Elements must not be null. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class Buffer<T> {
  private Object[] items;
  private int size;
  private int changes;

  /** An empty buffer with room for {@code capacity} elements. */
  public Buffer(int capacity) {
    items = new Object[Math.max(capacity, 4)];
  }

  /** How many elements it holds. */
  public int size() {
    return size;
  }

  /** The element at {@code i}, {@code 0 <= i < size()}. */
  @SuppressWarnings("unchecked")
  public T get(int i) {
    return (T) items[i];
  }

  /** Replaces the element at {@code i}, {@code 0 <= i < size()}. */
  public void set(int i, T element) {
    items[i] = element;
    changes++;
  }

  /** Appends an element. */
  public void add(T element) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size + (size >> 1) + 4);
    }
    items[size++] = element;
    changes++;
  }

  /** How many times an element was set or added since the buffer was made: tells a caller whether it changed. */
  public int changes() {
    return changes;
  }

  /** The elements as an unmodifiable list (a snapshot: later changes to the buffer do not show). */
  @SuppressWarnings("unchecked")
  public List<T> toList() {
    return Lists.of((T[]) items, size);
  }
}
