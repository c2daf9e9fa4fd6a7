package io.loyalty.json;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.internal.read.WireJson;
import io.loyalty.json.internal.wire.BucketWire;
import io.loyalty.json.internal.wire.PendingPointsEntryWire;
import io.loyalty.json.internal.wire.VoucherWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Imports a loyalty program and its members from a Voucherify export into an engine (issue 14, item 4): the campaign
 * with its earning rules, and per member the card (its code and holder), its points expiration buckets and the rest
 * of its balance, each bucket's points expiring on the bucket's last day, and its pending points, activating on their
 * day. Idempotent: every write is keyed by what it carries over (the program compared with what is stored, the card by
 * its code, each bucket and pending entry by its id), so a run repeated changes nothing. What it cannot carry over is listed in the report, never dropped silently.
 * Thread-safe if the engine is.
 */
public final class VoucherifyImport {
  private final LoyaltyEngine engine;
  private final VoucherifyJson json;
  private final WireJson wire = new WireJson();

  private VoucherifyImport(LoyaltyEngine engine, VoucherifyJson json) {
    this.engine = engine;
    this.json = json;
  }

  /** An import into {@code engine}, reading bodies with {@code json} (its project's zone and currency). */
  public static VoucherifyImport into(LoyaltyEngine engine, VoucherifyJson json) {
    return new VoucherifyImport(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(json, "json"));
  }

  /**
   * One member of the export.
   *
   * @param card the member's loyalty card, as Voucherify answers {@code GET …/members/{memberId}}
   * @param buckets the card's points expiration buckets, a JSON array ({@code data} of
   *     {@code GET …/members/{memberId}/points-expiration}); {@code null} for none
   * @param pendingPoints the card's pending points entries, a JSON array; {@code null} for none
   */
  public record Member(String card, @Nullable String buckets, @Nullable String pendingPoints) {}

  /**
   * What an import carried over, and what it could not.
   *
   * @param programDefined whether the program was defined (false: the stored definition was the same already)
   * @param members the members whose cards are in the engine after the run
   * @param points the usable points the run added (0 when run again)
   * @param pendingPoints the pending points the run added, activating on their days (0 when run again)
   * @param notCarried one line per part it could not carry over (or carried over differently), with the card code
   *     and why
   */
  public record Report(boolean programDefined, int members, long points, long pendingPoints, List<String> notCarried) {
    /** Copies the list. */
    public Report {
      notCarried = List.copyOf(notCarried);
    }
  }

  /**
   * Imports the campaign (its body as Voucherify answers it, with {@code earningRules} a JSON array of its rules as
   * Voucherify answers them, or {@code null}) as program {@code id}, then each member.
   *
   * @throws WireInputException for a body that cannot be read (nothing of that body is written)
   */
  public Report run(String campaign, ProgramId id, @Nullable String earningRules, List<Member> members) {
    Program read = json.readProgram(campaign, id);
    if (earningRules != null) {
      List<EarningRule> rules = json.readEarningRules(earningRules);
      read = read.toBuilder().earningRules(rules).build();
    }
    boolean defined = false;
    Program stored = stored(id);
    if (stored == null || !stored.equals(read.withVersion(stored.version()))) {
      engine.define(read);
      defined = true;
    }
    List<String> notCarried = new ArrayList<>();
    int imported = 0;
    long points = 0;
    long pendingPoints = 0;
    for (Member member : members) {
      long[] added = {0, 0};
      if (member(id, member, notCarried, added)) {
        imported++;
      }
      points += added[0];
      pendingPoints += added[1];
    }
    return new Report(defined, imported, points, pendingPoints, notCarried);
  }

  private @Nullable Program stored(ProgramId id) {
    try {
      return engine.program(id);
    } catch (NotFoundException none) {
      return null;
    }
  }

  private boolean member(ProgramId program, Member member, List<String> notCarried, long[] added) {
    VoucherWire card = wire.read(member.card(), VoucherWire.class);
    String code = card.code();
    if (code == null || code.isBlank()) {
      notCarried.add("a card with no code: skipped");
      return false;
    }
    if (card.holderId() == null) {
      notCarried.add("card " + code + ": not published to a customer, skipped");
      return false;
    }
    CardCode cardCode = CardCode.of(code);
    engine.importCard(program, CustomerId.of(card.holderId()), cardCode);
    long balance = card.loyaltyCard() == null || card.loyaltyCard().balance() == null ? 0 : card.loyaltyCard().balance();
    long inBuckets = 0;
    List<BucketWire> buckets = member.buckets() == null ? List.of() : wire.readList(member.buckets(), BucketWire.class);
    for (BucketWire bucket : buckets) {
      long total = bucket.bucket().totalPoints();
      if (!"ACTIVE".equals(bucket.status()) || total <= 0) {
        continue; // expired or emptied: nothing of it is in the balance
      }
      if (bucket.expiresAt() == null) {
        continue; // a non-expiring bucket is part of the rest below
      }
      LocalDate lastDay = LocalDate.parse(bucket.expiresAt().substring(0, 10));
      inBuckets = Math.addExact(inBuckets, total);
      try {
        added[0] += credited(cardCode, total, AddedPointsExpiry.on(lastDay), "import:" + bucket.id());
      } catch (io.loyalty.spi.InvalidInputException pastOrBeyond) {
        notCarried.add("card " + code + ": bucket " + bucket.id() + " of " + total + " points, last day " + lastDay
            + ", is not carried over (" + pastOrBeyond.violations().get(0).message() + ")");
      }
    }
    long rest = balance - inBuckets;
    if (rest > 0) {
      added[0] += credited(cardCode, rest, AddedPointsExpiry.never(), "import:" + code + ":rest");
    } else if (rest < 0) {
      notCarried.add("card " + code + ": its buckets hold " + inBuckets + " points, more than its balance of " + balance
          + "; the buckets were carried over");
    }
    List<PendingPointsEntryWire> pending = member.pendingPoints() == null ? List.of()
        : wire.readList(member.pendingPoints(), PendingPointsEntryWire.class);
    LocalDate today = engine.summary(cardCode).asOf().atZone(engine.program(program).zone()).toLocalDate();
    java.util.Set<LedgerKey> done = pending.isEmpty() ? java.util.Set.of()
        : engine.ledger(cardCode).stream().map(e -> e.key()).collect(java.util.stream.Collectors.toSet());
    for (PendingPointsEntryWire entry : pending) {
      if (entry.points() <= 0) {
        continue; // canceled or emptied: nothing waits
      }
      LocalDate day = LocalDate.parse(entry.activatesAt().substring(0, 10));
      String sourceId = "import:" + entry.id();
      if (done.contains(new LedgerKey.Source(sourceId, LedgerKey.Source.Leg.CLAIM))) {
        continue; // carried by an earlier run: pending then (and maybe due by now), or usable
      }
      if (day.isAfter(today)) {
        long before = engine.ledger(cardCode).size();
        engine.addPendingPoints(cardCode, entry.points(), day, "imported from Voucherify", sourceId);
        added[1] += engine.ledger(cardCode).size() > before ? entry.points() : 0;
      } else {
        // due by now: Voucherify activates them at 00:00 of their day, so they are usable points today
        added[0] += credited(cardCode, entry.points(), AddedPointsExpiry.programRules(), sourceId);
        notCarried.add("card " + code + ": pending points " + entry.id() + " (" + entry.points() + ", activating "
            + day + ") were due by the import and were carried over as usable points, expiring by the program's rules"
            + " from the import");
      }
    }
    return true;
  }

  /** Adds the points once: a second run finds the source id and adds nothing. */
  private long credited(CardCode card, long points, AddedPointsExpiry expiry, String sourceId) {
    long before = engine.ledger(card).size();
    engine.addPoints(card, points, expiry, "imported from Voucherify", sourceId);
    return engine.ledger(card).size() > before ? points : 0;
  }
}
