/**
 * The reward catalog and what members spend points on: rewards (digital campaign rewards, pay with points,
 * material rewards with optional stock), their assignments to programs with a price in points, and the
 * redemptions themselves with the lots they drew, so a rollback gives back exactly what was taken.
 */
@NullMarked
package io.loyalty.spi.reward;

import org.jspecify.annotations.NullMarked;
