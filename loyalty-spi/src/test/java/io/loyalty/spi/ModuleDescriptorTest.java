package io.loyalty.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SPI module's descriptor, read from the module these tests run in: all of it is API, on the JDK only. */
class ModuleDescriptorTest {
  private static final ModuleDescriptor SPI = descriptor();

  private static ModuleDescriptor descriptor() {
    ModuleDescriptor descriptor = Limits.class.getModule().getDescriptor();
    assertThat(descriptor).as("the tests run in the named module io.loyalty.spi, not on the class path").isNotNull();
    return descriptor;
  }

  @Test
  @DisplayName("the module is io.loyalty.spi and exports every one of its packages to everyone")
  void every_package_is_exported_to_everyone() {
    assertThat(SPI.name()).isEqualTo("io.loyalty.spi");
    assertThat(SPI.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
    assertThat(SPI.exports().stream().map(Exports::source).collect(Collectors.toSet()))
        .isEqualTo(SPI.packages())
        .contains("io.loyalty.spi", "io.loyalty.spi.store");
  }

  @Test
  @DisplayName("the module is open, so an adapter may map its records reflectively")
  void the_module_is_open() {
    assertThat(SPI.isOpen()).isTrue();
  }

  @Test
  @DisplayName("the module requires java.base and the JSpecify annotations for its own compilation only, so a user "
      + "compiles and runs without them")
  void it_requires_the_jdk_and_the_nullness_annotations_only() {
    assertThat(SPI.requires().stream().map(Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "org.jspecify");
    assertThat(SPI.requires()).filteredOn(r -> r.name().equals("org.jspecify"))
        .singleElement().satisfies(r -> assertThat(r.modifiers()).containsExactly(Requires.Modifier.STATIC));
  }
}
