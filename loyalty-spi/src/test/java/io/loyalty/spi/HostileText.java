package io.loyalty.spi;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of hostile texts: every kind of character the boundary must refuse, mixed with plain ones. */
final class HostileText {
  /** Characters that no identifier may contain, each one alone enough to refuse a text. */
  static final List<String> FORBIDDEN_IN_IDS = List.of(
      "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u0000", "\u0007", "\n", "\u001B", "\u007F", "\u0085", "\u202E",
      "\u202A", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
      "\u2028", "\u2029", "\uFFFE", "\uFFFF", "\uFDD0", "\u00AD");

  private static final List<String> PLAIN = List.of(
      "a", "Z", "7", "-", "_", ":", "@", ".", "ü", "\u00E9", "e\u0301", "ß", "\u4E2D", "\uD83D\uDE00", "\uD834\uDD1E",
      "?", " ", "%", "'", "\"");

  private HostileText() {}

  /** Texts of 0 to 40 pieces, each plain or forbidden. */
  static Gen<String> mixed() {
    Gen<String> piece = Generate.pick(PLAIN).mix(Generate.pick(FORBIDDEN_IN_IDS), 30);
    return lists().of(piece).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
  }

  /** Texts of plain pieces only, 1 to 60 of them. */
  static Gen<String> plain() {
    return lists().of(Generate.pick(PLAIN)).ofSizeBetween(1, 60).map(parts -> String.join("", parts));
  }

  /** Huge texts: one piece repeated up to a quarter of a million times. */
  static Gen<String> huge() {
    return Generate.pick(PLAIN).zip(integers().between(150, 250_000), String::repeat);
  }
}
