package io.loyalty.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The wire's module descriptor, read from the module these tests run in: the DTOs stay inside. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("the module is io.loyalty.json, exports io.loyalty.json alone and opens the DTOs to Jackson only")
  void onlyTheFacadeIsExported() {
    ModuleDescriptor json = VoucherifyJson.class.getModule().getDescriptor();
    assertThat(json).as("the tests run in the named module io.loyalty.json, not on the class path").isNotNull();
    assertThat(json.name()).isEqualTo("io.loyalty.json");
    assertThat(json.exports().stream().map(Exports::source)).containsExactly("io.loyalty.json");
    assertThat(json.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(json.isOpen()).isFalse();
    assertThat(json.opens()).singleElement().satisfies(o -> {
      assertThat(o.source()).isEqualTo("io.loyalty.json.internal.wire");
      assertThat(o.targets()).isEqualTo(Set.of("com.fasterxml.jackson.databind"));
    });
  }

  @Test
  @DisplayName("MapStruct is needed at compile time only")
  void mapstructIsStatic() {
    ModuleDescriptor json = VoucherifyJson.class.getModule().getDescriptor();
    assertThat(json.requires()).filteredOn(r -> r.name().equals("org.mapstruct")).singleElement()
        .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }

  @Test
  @DisplayName("the engine's SPI and core know nothing of the wire")
  void noWireInTheEngine() {
    for (Class<?> engine : new Class<?>[] {io.loyalty.spi.program.Program.class, io.loyalty.core.LoyaltyEngine.class}) {
      ModuleDescriptor d = engine.getModule().getDescriptor();
      assertThat(d.requires()).noneMatch(r -> r.name().startsWith("com.fasterxml") || r.name().equals("io.loyalty.json"));
    }
  }
}
