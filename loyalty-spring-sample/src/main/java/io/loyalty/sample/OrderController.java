package io.loyalty.sample;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.json.WireError;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.OrderPaid;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes paid orders in Voucherify's order shape and answers the points they earned. Enrols a customer in the shop's
 * program at their first order. Thread-safe; an order earns once: posted again, it answers Voucherify's 409 and credits nothing.
 */
@RestController
public class OrderController {
  private final LoyaltyEngine engine;
  private final VoucherifyJson json;
  private final Clock clock;

  /** The controller over the starter's engine and clock. */
  public OrderController(LoyaltyEngine engine, VoucherifyJson json, Clock clock) {
    this.engine = engine;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The points one order earned and the card's balance after it.
   *
   * @param orderId the order's id
   * @param card the customer's card in the shop's program
   * @param points the points the order earned
   * @param balance the card's balance now
   */
  public record OrderPoints(String orderId, String card, long points, long balance) {}

  /** Applies the paid order ({@code {"id": ..., "customer": {"source_id": ...}, "amount": ...}}) to the engine. */
  @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public OrderPoints takeOrder(@RequestBody String body) {
    OrderPaid read = json.readOrderPaid(body, clock.instant());
    Card card = engine.cardOf(SampleApplication.PROGRAM, read.customer().id())
        .orElseGet(() -> engine.enrol(SampleApplication.PROGRAM, read.customer().id()));
    // paid now, after the enrolment: an order stamped before the card existed would earn nothing
    OrderPaid paid = new OrderPaid(read.id(), clock.instant(), read.customer(), read.order(), read.card());
    long points = engine.apply(paid).points();
    return new OrderPoints(paid.order().id().value(), card.code().value(), points, engine.balance(card.code()));
  }

  /** An engine or payload error as Voucherify's error object, with its HTTP status. */
  @ExceptionHandler(LoyaltyException.class)
  public ResponseEntity<String> refused(LoyaltyException failure) {
    WireError error = json.error(failure, null);
    return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
  }
}
