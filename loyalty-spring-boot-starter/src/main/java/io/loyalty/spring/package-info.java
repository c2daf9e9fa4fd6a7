/**
 * Spring Boot auto-configuration for the loyalty engine: {@link io.loyalty.spring.LoyaltyAutoConfiguration} and its
 * {@code loyalty.*} properties ({@link io.loyalty.spring.LoyaltyProperties}). See {@code docs/spring-boot.md}.
 */
@NullMarked
package io.loyalty.spring;

import org.jspecify.annotations.NullMarked;
