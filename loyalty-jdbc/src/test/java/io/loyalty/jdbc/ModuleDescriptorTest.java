package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store's module descriptor, read from the module these tests run in. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("the module is io.loyalty.jdbc and exports io.loyalty.jdbc alone, opening nothing")
  void only_the_store_package_is_exported() {
    ModuleDescriptor jdbc = JdbcLoyaltyStore.class.getModule().getDescriptor();
    assertThat(jdbc).as("the tests run in the named module io.loyalty.jdbc, not on the class path").isNotNull();
    assertThat(jdbc.name()).isEqualTo("io.loyalty.jdbc");
    assertThat(jdbc.exports().stream().map(Exports::source)).containsExactly("io.loyalty.jdbc");
    assertThat(jdbc.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(jdbc.isOpen()).isFalse();
    assertThat(jdbc.opens()).isEmpty();
  }
}
