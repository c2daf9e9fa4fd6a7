package io.loyalty.spi;

import java.text.Normalizer;

/** Checks and normalizes the text of typed identifiers; shared by every id record of the SPI. */
final class IdText {
  private IdText() {}

  /**
   * Returns {@code value} in Unicode NFC after checking it by {@link Limits#idProblem}, before and after
   * normalization (so no two accepted texts can collapse into one in any store).
   *
   * @throws InvalidInputException naming the id type and the limit; a customer id is never quoted
   */
  static String check(String kind, String value) {
    if (value == null) {
      throw InvalidInputException.of(kind, "must not be null", null);
    }
    String problem = Limits.idProblem(value);
    String nfc = value;
    if (problem == null && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
      problem = Limits.idProblem(nfc);
    }
    if (problem != null) {
      throw InvalidInputException.of(kind, problem, kind.equals("customer_id") ? null : value);
    }
    return nfc;
  }
}
