package io.loyalty.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/limits-and-errors.md lists every code of the registry and the SPI's limits, so the page cannot drift. */
class LimitsAndErrorsDocTest {
  private static String page() throws IOException {
    return Files.readString(Path.of("..", "docs", "limits-and-errors.md"));
  }

  @Test
  void every_error_code_of_the_registry_is_listed_with_its_http_status() throws IOException {
    String page = page();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(page).as(code.key()).contains("| `" + code.key() + "` | " + code.httpStatus() + " |");
    }
  }

  @Test
  void the_limits_of_the_spi_are_the_ones_the_page_names() throws IOException {
    String page = page();
    assertThat(page).contains("1 to " + Limits.MAX_ID_LENGTH + " UTF-16 code units")
        .contains(String.format("%,d characters (`MAX_TEXT_LENGTH`)", Limits.MAX_TEXT_LENGTH))
        .contains(Limits.MAX_NAME_LENGTH + " characters (`MAX_NAME_LENGTH`)")
        .contains(Limits.MAX_METADATA_ENTRIES + " entries; keys 1 to " + Limits.MAX_METADATA_KEY_LENGTH)
        .contains(String.format("texts at most %,d characters", Limits.MAX_METADATA_TEXT_LENGTH))
        .contains(String.format("%,d per customer", Limits.MAX_SEGMENTS))
        .contains("at most " + Limits.MAX_DECIMAL_DIGITS + " digits as written")
        .contains("at most " + Limits.MAX_DECIMAL_INTEGER_DIGITS + " digits before the point and "
            + Limits.MAX_DECIMAL_SCALE + " after")
        .contains("at most " + Limits.MAX_QUOTED_LENGTH + " characters of the value")
        .contains("at most " + Limits.MAX_CONDITION_DEPTH + " levels deep (`MAX_CONDITION_DEPTH`) and "
            + String.format("%,d conditions", Limits.MAX_CONDITION_NODES))
        .contains(String.format("at most %,d characters (`MAX_LOGIC_LENGTH`)", Limits.MAX_LOGIC_LENGTH));
  }
}
