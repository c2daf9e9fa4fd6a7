package io.loyalty.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The webhooks' module descriptor, read from the module these tests run in. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("the module is io.loyalty.webhooks and exports io.loyalty.webhooks alone")
  void onlyTheApiIsExported() {
    ModuleDescriptor d = WebhookPublisher.class.getModule().getDescriptor();
    assertThat(d).as("the tests run in the named module, not on the class path").isNotNull();
    assertThat(d.name()).isEqualTo("io.loyalty.webhooks");
    assertThat(d.exports().stream().map(Exports::source)).containsExactly("io.loyalty.webhooks");
    assertThat(d.isOpen()).isFalse();
  }

  @Test
  @DisplayName("the engine's core reads neither HTTP nor the webhooks")
  void noHttpInTheCore() {
    ModuleDescriptor core = io.loyalty.core.LoyaltyEngine.class.getModule().getDescriptor();
    assertThat(core.requires()).noneMatch(r -> r.name().equals("java.net.http") || r.name().equals("io.loyalty.webhooks"));
  }
}
