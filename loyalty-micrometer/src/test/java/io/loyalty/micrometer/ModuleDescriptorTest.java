package io.loyalty.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The binder's module descriptor, read from the module these tests run in. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("the module is io.loyalty.micrometer, exports io.loyalty.micrometer alone, and needs the webhooks only optionally")
  void onlyTheBinderIsExported() {
    ModuleDescriptor d = LoyaltyMetrics.class.getModule().getDescriptor();
    assertThat(d).as("the tests run in the named module, not on the class path").isNotNull();
    assertThat(d.name()).isEqualTo("io.loyalty.micrometer");
    assertThat(d.exports().stream().map(Exports::source)).containsExactly("io.loyalty.micrometer");
    assertThat(d.requires()).filteredOn(r -> r.name().equals("io.loyalty.webhooks")).singleElement()
        .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }

  @Test
  @DisplayName("the engine's core knows nothing of Micrometer")
  void noMicrometerInTheCore() {
    ModuleDescriptor core = io.loyalty.core.LoyaltyEngine.class.getModule().getDescriptor();
    assertThat(core.requires()).noneMatch(r -> r.name().startsWith("micrometer") || r.name().startsWith("io.micrometer"));
  }
}
