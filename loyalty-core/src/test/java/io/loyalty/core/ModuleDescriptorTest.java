package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The core module's descriptor, read from the module these tests run in: one API package, internals unreachable. */
class ModuleDescriptorTest {
  private static final ModuleDescriptor CORE = descriptor();

  private static ModuleDescriptor descriptor() {
    ModuleDescriptor descriptor = LoyaltyEngine.class.getModule().getDescriptor();
    assertThat(descriptor).as("the tests run in the named module io.loyalty.core, not on the class path").isNotNull();
    return descriptor;
  }

  @Test
  @DisplayName("the module is io.loyalty.core and exports io.loyalty.core alone, to everyone")
  void only_the_api_package_is_exported() {
    assertThat(CORE.name()).isEqualTo("io.loyalty.core");
    assertThat(CORE.exports().stream().map(Exports::source)).containsExactly("io.loyalty.core");
    assertThat(CORE.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
  }

  @Test
  @DisplayName("the internal packages are neither exported nor open, even to reflection")
  void internals_are_neither_exported_nor_open() {
    assertThat(CORE.packages()).contains("io.loyalty.core.internal.engine", "io.loyalty.core.internal.memory");
    assertThat(CORE.isOpen()).isFalse();
    assertThat(CORE.opens()).isEmpty();
  }

  @Test
  @DisplayName("a user who requires io.loyalty.core reads the SPI's types too")
  void the_spi_is_required_transitively() {
    assertThat(CORE.requires()).filteredOn(r -> r.name().equals("io.loyalty.spi"))
        .singleElement().satisfies(r -> assertThat(r.modifiers()).contains(Requires.Modifier.TRANSITIVE));
    assertThat(CORE.requires().stream().map(Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "io.loyalty.spi", "com.google.common", "org.slf4j",
            "org.jspecify");
  }
}
