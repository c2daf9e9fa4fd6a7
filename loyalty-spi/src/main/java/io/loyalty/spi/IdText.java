package io.loyalty.spi;

import java.text.Normalizer;

/** Checks and normalizes the text of typed identifiers; shared by every id record of the SPI. */
final class IdText {
  static final int MAX_LENGTH = 200;

  private IdText() {}

  /**
   * Returns {@code value} in Unicode NFC after checking it is 1 to 200 characters with no control
   * characters and no leading or trailing white space.
   *
   * @throws InvalidInputException naming the id type and the bad value
   */
  static String check(String kind, String value) {
    if (value == null) {
      throw InvalidInputException.of(kind, "must not be null", null);
    }
    String nfc = Normalizer.isNormalized(value, Normalizer.Form.NFC)
        ? value
        : Normalizer.normalize(value, Normalizer.Form.NFC);
    if (nfc.isEmpty() || nfc.length() > MAX_LENGTH) {
      throw InvalidInputException.of(kind, "must be 1 to " + MAX_LENGTH + " characters", value);
    }
    if (Character.isWhitespace(nfc.charAt(0)) || Character.isWhitespace(nfc.charAt(nfc.length() - 1))) {
      throw InvalidInputException.of(kind, "must not start or end with white space", value);
    }
    for (int i = 0; i < nfc.length(); i++) {
      if (Character.isISOControl(nfc.charAt(i))) {
        throw InvalidInputException.of(kind, "must not contain control characters", value);
      }
    }
    return nfc;
  }
}
