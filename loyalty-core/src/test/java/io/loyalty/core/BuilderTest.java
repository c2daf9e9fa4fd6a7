package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CustomerId;
import org.junit.jupiter.api.Test;

/** The builder is a recipe: building never changes it, and engines built from it share nothing they were not given. */
class BuilderTest {
  @Test
  void regression_two_engines_built_from_one_builder_without_a_store_do_not_share_the_default_store() {
    LoyaltyEngine.Builder builder = Fixtures.engine();
    LoyaltyEngine first = builder.build();
    LoyaltyEngine second = builder.build();
    first.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    first.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    second.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    assertThat(second.cardOf(Fixtures.PROGRAM, CustomerId.of("alice"))).isEmpty();
    assertThat(second.program(Fixtures.PROGRAM).version()).isEqualTo(1);
  }
}
