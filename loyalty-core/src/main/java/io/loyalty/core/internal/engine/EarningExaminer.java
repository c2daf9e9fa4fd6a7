package io.loyalty.core.internal.engine;

import io.loyalty.core.EarningExamination;
import io.loyalty.core.EarningProbe;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Examines what a customer would earn (Voucherify v2's examine of earning rules) by quoting imagined events: the
 * order, each segment and each custom event the member's rules name, at the engine's now. A quote is what an apply
 * would commit, so the estimate is the engine's own evaluation; nothing is written. Thread-safe.
 */
final class EarningExaminer {
  private final LoyaltyStore store;
  private final Function<LoyaltyEvent, EventOutcome> quote;

  EarningExaminer(LoyaltyStore store, Function<LoyaltyEvent, EventOutcome> quote) {
    this.store = store;
    this.quote = quote;
  }

  EarningExamination examine(EarningProbe probe, @Nullable ProgramId only, Instant now) {
    // the customer's memberships, by program, each with its cards in wallet order
    Map<ProgramId, List<Card>> memberships = new TreeMap<>();
    for (Card card : store.cardsOf(probe.customer().id())) {
      if (only == null || card.program().equals(only)) {
        memberships.computeIfAbsent(card.program(), p -> new ArrayList<>()).add(card);
      }
    }
    List<Program> programs = new ArrayList<>();
    for (Map.Entry<ProgramId, List<Card>> m : memberships.entrySet()) {
      Optional<Program> program = store.program(m.getKey());
      if (program.isPresent()) {
        programs.add(program.get());
        List<io.loyalty.spi.WalletId> order = program.get().walletIds();
        m.getValue().sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.wallet())));
      }
    }
    List<LoyaltyEvent> events = new ArrayList<>();
    EarningProbe.Trigger trigger = probe.trigger();
    boolean all = trigger == EarningProbe.Trigger.ALL;
    if (trigger == EarningProbe.Trigger.ORDER_PAID && probe.order() == null) {
      throw InvalidInputException.of("customer_order_paid.order", "is required to examine customer.order.paid", null);
    }
    if ((all || trigger == EarningProbe.Trigger.ORDER_PAID) && probe.order() != null) {
      events.add(OrderPaid.of("examine:order", now, probe.customer(), probe.order()));
    }
    Set<SegmentId> segments = new LinkedHashSet<>();
    Set<String> customEvents = new LinkedHashSet<>();
    for (Program p : programs) {
      for (EarningRule r : p.earningRules()) {
        if (r.trigger() instanceof Trigger.SegmentEntered s) {
          segments.add(s.segment());
        } else if (r.trigger() instanceof Trigger.CustomEvent c) {
          customEvents.add(c.name());
        }
      }
    }
    if (all || trigger == EarningProbe.Trigger.SEGMENT_ENTERED) {
      for (SegmentId segment : segments) {
        events.add(SegmentEntered.of("examine:segment:" + segment.value(), now, probe.customer(), segment.value()));
      }
    }
    if (all || trigger == EarningProbe.Trigger.CUSTOM_EVENT) {
      String named = probe.customEvent();
      for (String name : named != null && !all ? Set.of(named) : customEvents) {
        events.add(CustomEvent.of("examine:event:" + name, now, probe.customer(), name, probe.customEventMetadata()));
      }
    }
    // card -> rule -> points, in the order the rules first give
    Map<CardCode, Map<RuleId, Long>> earned = new LinkedHashMap<>();
    for (LoyaltyEvent event : events) {
      EventOutcome outcome;
      try {
        outcome = quote.apply(event);
      } catch (InvalidInputException notThisOne) {
        if (!all) {
          throw notThisOne;
        }
        continue; // under ALL, an imagined custom event whose metadata its schema refuses is not examinable
      }
      for (ProgramOutcome po : outcome.programs()) {
        CardCode card = po.card();
        Program program = programs.stream().filter(p -> p.id().equals(po.program())).findFirst().orElse(null);
        if (card == null || program == null) {
          continue;
        }
        for (Accrual accrual : po.accruals()) {
          if (accrual.points() != 0) {
            earned.computeIfAbsent(card, c -> new LinkedHashMap<>()).merge(ruleOf(program, accrual.rule()),
                accrual.points(), Math::addExact);
          }
        }
      }
    }
    List<EarningExamination.Membership> result = new ArrayList<>();
    for (Map.Entry<ProgramId, List<Card>> m : memberships.entrySet()) {
      List<EarningExamination.CardEstimate> cards = new ArrayList<>();
      for (Card card : m.getValue()) {
        Map<RuleId, Long> rules = earned.getOrDefault(card.code(), Map.of());
        List<EarningExamination.RuleEstimate> estimates = new ArrayList<>();
        long total = 0;
        for (Map.Entry<RuleId, Long> r : rules.entrySet()) {
          estimates.add(new EarningExamination.RuleEstimate(r.getKey(), r.getValue()));
          total = Math.addExact(total, r.getValue());
        }
        cards.add(new EarningExamination.CardEstimate(card.code(), card.wallet(), total, estimates));
      }
      result.add(new EarningExamination.Membership(m.getKey(), cards));
    }
    return new EarningExamination(all ? null : switch (trigger) {
      case ORDER_PAID -> "customer.order.paid";
      case SEGMENT_ENTERED -> "customer.segment.entered";
      case CUSTOM_EVENT, ALL -> "customer.custom_event";
    }, result);
  }

  /** The v2 rule a flattened effect belongs to; a v1 rule is its own. */
  private static RuleId ruleOf(Program program, RuleId flattened) {
    Optional<EarningRule> rule = program.rule(flattened);
    EarningRule.Branch branch = rule.map(EarningRule::branch).orElse(null);
    return branch != null ? branch.rule() : flattened;
  }
}
