package io.loyalty.server.internal;

import static io.loyalty.server.internal.LoyaltyRoutes.ok;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.json.PendingEntry;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The list endpoints of Voucherify's v1 loyalty map, paged and filtered as its OpenAPI has them (see
 * {@link ListQuery}): counted lists answer one page and the {@code total} of every page; cursor lists answer
 * {@code has_more} and {@code more_starting_after}. Each list is read whole from the engine, ordered, filtered and
 * cut; the costly per-item work (a member's counters) is done for the page's items only.
 */
final class ListRoutes {
  private static final int STORE_PAGE = 1_000;
  private static final List<String> DEFINITION_ORDERS = List.of("created_at", "-created_at", "updated_at", "-updated_at");
  private static final List<String> MEMBER_ORDERS =
      List.of("created_at", "-created_at", "updated_at", "-updated_at", "code", "-code");
  private static final List<String> ID_ORDERS = List.of("id", "-id");

  private final LoyaltyEngine engine;
  private final LoyaltyStore store;
  private final VoucherifyJson wire;
  private final Clock clock;
  private final HostCatalog host;
  private final LoyaltyRoutes loyalty;

  ListRoutes(LoyaltyEngine engine, LoyaltyStore store, VoucherifyJson wire, Clock clock, HostCatalog host,
      LoyaltyRoutes loyalty) {
    this.engine = engine;
    this.store = store;
    this.wire = wire;
    this.clock = clock;
    this.host = host;
    this.loyalty = loyalty;
  }

  void register(RoutesConfig r) {
    r.get("/v1/loyalties", this::campaigns);
    r.get("/v1/loyalties/{c}/earning-rules", this::earningRules);
    r.get("/v1/loyalties/{c}/members", this::members);
    r.get("/v1/loyalties/{c}/transactions", this::campaignTransactions);
    r.get("/v1/loyalties/{c}/pending-points", this::campaignPendingPoints);
    for (String base : List.of("/v1/loyalties/{c}/members/{m}", "/v1/loyalties/members/{m}")) {
      r.get(base + "/transactions", this::memberTransactions);
      r.get(base + "/pending-points", this::memberPendingPoints);
      r.get(base + "/points-expiration", this::buckets);
    }
    r.get("/v1/rewards", this::rewards);
    r.get("/v1/loyalties/{c}/rewards", this::assignments);
    r.get("/v1/loyalties/{c}/reward-assignments", this::assignments);
    r.get("/v1/loyalties/{c}/tiers", this::tiers);
  }

  /** Campaigns in the store's order; {@code order} is not read: the engine keeps no creation stamp on programs. */
  private void campaigns(Context ctx) {
    ListQuery q = ListQuery.paged(ctx, null, "");
    List<Program> all = store.programs();
    ok(ctx, wire.writeCampaigns(q.page(all), all.size()));
  }

  /** A program's rules in the order they were created (the program keeps them so); no update stamps are kept. */
  private void earningRules(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.paged(ctx, DEFINITION_ORDERS, "created_at");
    var all = definitionOrder(p.earningRules(), q);
    ok(ctx, wire.writeEarningRules(q.page(all), p.id(), all.size()));
  }

  private void tiers(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.limited(ctx, DEFINITION_ORDERS, "created_at");
    var all = definitionOrder(p.tiers(), q);
    ok(ctx, wire.writeTiers(q.page(all), p.id(), all.size()));
  }

  /** A program's reward assignments, filtered by {@code assignment_id} (also {@code assignmentId}) when given. */
  private void assignments(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.paged(ctx, null, "");
    String only = Optional.ofNullable(ctx.queryParam("assignment_id")).orElse(ctx.queryParam("assignmentId"));
    List<RewardAssignment> all = p.rewards().stream()
        .filter(a -> only == null || only.isEmpty() || a.id().value().equals(only)).toList();
    ok(ctx, wire.writeRewardAssignments(q.page(all), p.id(), all.size()));
  }

  private void rewards(Context ctx) {
    ListQuery q = ListQuery.paged(ctx, null, "");
    var all = store.rewards().stream().filter(w -> !w.deleted()).toList();
    ok(ctx, wire.writeRewards(q.page(all), all.size()));
  }

  /**
   * Members newest first (Voucherify's default, {@code -created_at}), filtered by {@code customer} (a {@code cust_}
   * id or a source id), {@code code}, {@code ids} (card codes: a card's voucher id is its code here) and
   * {@code created_at[before]} / {@code created_at[after]}; a member's creation is its join ({@link #joined}), ties
   * broken by code.
   */
  private void members(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.paged(ctx, MEMBER_ORDERS, "-created_at");
    Instant before = ListQuery.instant(ctx, "created_at[before]", p.zone());
    Instant after = ListQuery.instant(ctx, "created_at[after]", p.zone());
    List<String> ids = ctx.queryParams("ids");
    String customer = ctx.queryParam("customer");
    String code = ctx.queryParam("code");
    List<Card> all = new ArrayList<>();
    Consumer<Card> keep = card -> {
      if (card.isPublished() && card.program().equals(p.id()) && (ids.isEmpty() || ids.contains(card.code().value()))
          && (before == null || joined(card).isBefore(before)) && (after == null || joined(card).isAfter(after))
          && (code == null || code.isEmpty() || card.code().value().equals(code))) {
        all.add(card);
      }
    };
    if (customer != null && !customer.isEmpty()) {
      holder(customer).ifPresent(holder -> engine.cardsOf(p.id(), holder).forEach(keep));
    } else if (code != null && !code.isEmpty()) {
      cardByCode(code).ifPresent(keep);
    } else {
      eachCard(p.id(), keep);
    }
    Comparator<Card> by = q.orderField().equals("code") ? Comparator.comparing((Card c) -> c.code().value())
        : Comparator.comparing(ListRoutes::joined).thenComparing(c -> c.code().value());
    all.sort(q.descending() ? by.reversed() : by);
    ok(ctx, wire.writeMembers(q.page(all), c -> engine.summary(c.code()), p, all.size()));
  }

  /**
   * Every member's transactions: {@code id} order is the ledger's (by time, then card code, then the card's
   * sequence), which is the order Voucherify's time-ordered {@code vtx_} ids have; {@code -id} the reverse. Filtered
   * by {@code filters[id]} and {@code filters[voucher_id]} (the card code).
   */
  private void campaignTransactions(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.cursor(ctx, ID_ORDERS, "id");
    List<LedgerEntry> all = new ArrayList<>();
    eachCard(p.id(), card -> {
      if (card.isPublished()) {
        all.addAll(engine.ledger(card.code()));
      }
    });
    Comparator<LedgerEntry> by = Comparator.comparing(LedgerEntry::at).thenComparing(e -> e.card().value())
        .thenComparingLong(LedgerEntry::seq);
    all.sort(q.descending() ? by.reversed() : by);
    Predicate<LedgerEntry> kept = new ListFilters<LedgerEntry>().text("id", e -> e.key().text())
        .text("voucher_id", e -> e.card().value()).read(ctx);
    all.removeIf(kept.negate());
    var slice = q.after(all, e -> e.key().text());
    ok(ctx, wire.writeTransactions(slice.items(), p.id(), slice.hasMore()));
  }

  /** A member's transactions, oldest first ({@code id}), filtered by {@code filters[id]} and {@code filters[created_at]}. */
  private void memberTransactions(Context ctx) {
    Card card = loyalty.member(ctx);
    ListQuery q = ListQuery.cursor(ctx, ID_ORDERS, "id");
    List<LedgerEntry> all = new ArrayList<>(engine.ledger(card.code()));
    if (q.descending()) {
      java.util.Collections.reverse(all);
    }
    all.removeIf(new ListFilters<LedgerEntry>().text("id", e -> e.key().text()).date("created_at", LedgerEntry::at)
        .read(ctx).negate());
    var slice = q.after(all, e -> e.key().text());
    ok(ctx, wire.writeTransactions(slice.items(), card.program(), slice.hasMore()));
  }

  /** The card's buckets as of the server's clock, in the card's lot order, by {@code limit} and {@code page}. */
  private void buckets(Context ctx) {
    Card card = engine.card(loyalty.member(ctx).code());
    ListQuery q = ListQuery.paged(ctx, null, "");
    Instant now = clock.instant();
    List<Lot> all = wire.buckets(card, now);
    ok(ctx, wire.writeBuckets(card, q.page(all), engine.program(card.program()), now, all.size()));
  }

  private void memberPendingPoints(Context ctx) {
    Card card = engine.card(loyalty.member(ctx).code());
    ListQuery q = ListQuery.cursor(ctx, ID_ORDERS, "id");
    List<PendingEntry> all = new ArrayList<>(pendingById(card, clock.instant()));
    if (q.descending()) {
      java.util.Collections.reverse(all);
    }
    var slice = q.after(all, PendingEntry::id);
    ok(ctx, wire.writePendingPoints(slice.items(), engine.program(card.program()), slice.hasMore()));
  }

  /**
   * Every member's pending points, ordered by entry id ({@code <code>:<lot>}): by card code in the store's order, then
   * by lot. The lots are on the cards, so no ledger is read: in {@code id} order the cards are read from the cursor's
   * card on, a store read per 1,000 cards, until the page and one entry more are found (so a page costs the cards up
   * to its last entry, every card of the program when few hold pending points); {@code -id} reads every card.
   */
  private void campaignPendingPoints(Context ctx) {
    Program p = loyalty.program(ctx);
    ListQuery q = ListQuery.cursor(ctx, ID_ORDERS, "id");
    Instant now = clock.instant();
    if (q.descending()) {
      List<PendingEntry> all = new ArrayList<>();
      eachCard(p.id(), "", card -> all.addAll(pendingById(card, now)));
      java.util.Collections.reverse(all);
      var slice = q.after(all, PendingEntry::id);
      ok(ctx, wire.writePendingPoints(slice.items(), p, slice.hasMore()));
      return;
    }
    List<PendingEntry> found = new ArrayList<>();
    String fromCode = "";
    if (q.after != null) {
      // the cursor is an entry id: its card's later lots first, then the cards after it
      int colon = q.after.lastIndexOf(':');
      Card first = colon < 0 ? null : cardByCode(q.after.substring(0, colon)).filter(c -> c.program().equals(p.id()))
          .orElse(null);
      List<PendingEntry> own = first == null ? List.of() : pendingById(first, now);
      int at = own.stream().map(PendingEntry::id).toList().indexOf(q.after);
      if (first == null || at < 0) {
        throw ListQuery.refused("starting_after_id: names no entry of this list (use the more_starting_after of the"
            + " page before)");
      }
      found.addAll(own.subList(at + 1, own.size()));
      fromCode = first.code().value();
    }
    String after = fromCode;
    while (found.size() <= q.limit) {
      List<Card> page = store.cards(p.id(), after, STORE_PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (Card card : page) {
        found.addAll(pendingById(card, now));
        if (found.size() > q.limit) {
          break;
        }
      }
      after = page.get(page.size() - 1).code().value();
    }
    boolean more = found.size() > q.limit;
    ok(ctx, wire.writePendingPoints(more ? found.subList(0, q.limit) : found, p, more));
  }

  /** A member card's pending entries as of {@code now} in lot id order; none for a card not published. */
  private List<PendingEntry> pendingById(Card card, Instant now) {
    if (!card.isPublished()) {
      return List.of();
    }
    List<PendingEntry> entries = new ArrayList<>(wire.pending(card, now));
    entries.sort(Comparator.comparingLong(e -> e.lot().id()));
    return entries;
  }

  /**
   * When the member joined: its card's publication. A member's creation is its join here, since the engine makes a
   * pool's cards ahead of publication (the card's {@code created_at}), where Voucherify makes an AUTO_UPDATE card when
   * the member joins.
   */
  private static Instant joined(Card card) {
    return Objects.requireNonNull(card.publishedAt(), "a member's card is published");
  }

  private static <T> List<T> definitionOrder(List<T> definitions, ListQuery q) {
    List<T> all = new ArrayList<>(definitions);
    if (q.descending()) {
      java.util.Collections.reverse(all);
    }
    return all;
  }

  private void eachCard(ProgramId program, Consumer<Card> each) {
    eachCard(program, "", each);
  }

  /** Every card of the program with a code after {@code after}, in the store's code order, a page at a time. */
  private void eachCard(ProgramId program, String from, Consumer<Card> each) {
    String after = from;
    for (List<Card> page = store.cards(program, after, STORE_PAGE); !page.isEmpty();
        page = store.cards(program, after, STORE_PAGE)) {
      page.forEach(each);
      after = page.get(page.size() - 1).code().value();
    }
  }

  /** The engine's customer for a {@code customer} filter: a {@code cust_} id the server made, else a source id. */
  private Optional<CustomerId> holder(String idOrSourceId) {
    Optional<HostCatalog.StoredCustomer> known = host.customer(idOrSourceId);
    if (known.isPresent()) {
      return Optional.of(known.get().customer().id());
    }
    try {
      return Optional.of(CustomerId.of(idOrSourceId));
    } catch (LoyaltyException notAnId) {
      return Optional.empty(); // no customer can have it: no member matches
    }
  }

  private Optional<Card> cardByCode(String code) {
    try {
      return store.card(CardCode.of(code));
    } catch (LoyaltyException notACode) {
      return Optional.empty();
    }
  }
}
