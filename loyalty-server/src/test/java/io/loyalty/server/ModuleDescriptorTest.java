package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server's module descriptor, read from the module these tests run in: the routes and the host stay inside. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("the module is io.loyalty.server, exports io.loyalty.server alone, opens nothing")
  void onlyTheServerIsExported() {
    ModuleDescriptor server = LoyaltyServer.class.getModule().getDescriptor();
    assertThat(server).as("the tests run in the named module io.loyalty.server, not on the class path").isNotNull();
    assertThat(server.name()).isEqualTo("io.loyalty.server");
    assertThat(server.exports().stream().map(Exports::source)).containsExactly("io.loyalty.server");
    assertThat(server.isOpen()).isFalse();
    assertThat(server.opens()).isEmpty();
  }

  @Test
  @DisplayName("the engine's SPI, core and wire know nothing of the server")
  void nothingBelowNeedsTheServer() {
    for (Class<?> below : new Class<?>[] {io.loyalty.spi.program.Program.class, io.loyalty.core.LoyaltyEngine.class,
        io.loyalty.json.VoucherifyJson.class}) {
      ModuleDescriptor d = below.getModule().getDescriptor();
      assertThat(d.requires()).noneMatch(r -> r.name().equals("io.loyalty.server") || r.name().equals("io.javalin"));
    }
  }
}
