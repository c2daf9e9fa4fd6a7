package io.loyalty.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every list the server serves, paged as Voucherify's OpenAPI has it: 25 items read 10 at a time give each item once,
 * in the same order as one page of 100, with a {@code total} (counted lists) or {@code has_more} /
 * {@code more_starting_after} (cursor lists) that tell the truth for each page.
 */
class ListPagingTest {
  private static final int N = 25;
  private static Http http;
  private static Instant now = Instant.parse("2024-06-01T08:00:00Z");

  @BeforeAll
  static void start() {
    http = Http.start(now);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  /** Moves the test clock a minute on, so that what is made next is newer. */
  private static void tick() {
    now = now.plusSeconds(60);
    assertThat(http.post("/v1/test-clock", "{\"now\": \"" + now + "\"}").status()).isEqualTo(200);
  }

  private static String campaign(String name) {
    var a = http.post("/v1/loyalties", "{\"name\": \"" + name + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.at("/id").asText();
  }

  private static String member(String c, String customer) {
    tick();
    var a = http.post("/v1/loyalties/" + c + "/members", "{\"customer\": {\"source_id\": \"" + customer + "\"}}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.at("/code").asText();
  }

  private static String q(String path) {
    return path + (path.contains("?") ? "&" : "?");
  }

  /** Every page of a counted list, {@code limit} at a time, each page's total checked; the ids in order. */
  private static List<String> pages(String path, String data, int limit, int total) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      var a = http.get(q(path) + "limit=" + limit + "&page=" + page);
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      assertThat(a.at("/object").asText()).isEqualTo("list");
      assertThat(a.at("/data_ref").asText()).isEqualTo(data);
      assertThat(a.at("/total").asInt()).as("page " + page + " counts every page").isEqualTo(total);
      JsonNode items = a.at("/" + data);
      if (items.isEmpty()) {
        return ids;
      }
      assertThat(items.size()).isLessThanOrEqualTo(limit);
      items.forEach(i -> ids.add(i.get("id").asText()));
    }
  }

  /** Every page of a cursor list, {@code limit} at a time, following more_starting_after; the ids in order. */
  private static List<String> cursor(String path, int limit) {
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int guard = 0; guard < 100; guard++) {
      var a = http.get(q(path) + "limit=" + limit
          + (after == null ? "" : "&starting_after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      assertThat(a.json().has("total")).as("a cursor list has no total").isFalse();
      JsonNode items = a.at("/data");
      assertThat(items.size()).isLessThanOrEqualTo(limit);
      items.forEach(i -> ids.add(i.get("id").asText()));
      if (!a.at("/has_more").asBoolean()) {
        assertThat(a.json().has("more_starting_after")).isFalse();
        return ids;
      }
      assertThat(items.size()).as("a page with more after it is full").isEqualTo(limit);
      after = a.at("/more_starting_after").asText();
      assertThat(after).isEqualTo(items.get(items.size() - 1).get("id").asText());
    }
    throw new AssertionError("the list never ended");
  }

  /** The ids of one page of up to 100. */
  private static List<String> all(String path, String data) {
    var a = http.get(q(path) + "limit=100");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    a.at("/" + data).forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  @DisplayName("25 members read 10 at a time: each once, newest first, total 25 on every page; 10 without a limit")
  void members() {
    String c = campaign("Members");
    List<String> made = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      made.add(member(c, "m-" + i));
    }
    List<String> newestFirst = new ArrayList<>(made);
    java.util.Collections.reverse(newestFirst);
    String path = "/v1/loyalties/" + c + "/members";
    assertThat(pages(path, "vouchers", 10, N)).containsExactlyElementsOf(newestFirst);
    assertThat(pages(path + "?order=created_at", "vouchers", 7, N)).containsExactlyElementsOf(made);
    assertThat(pages(path + "?order=code", "vouchers", 10, N)).containsExactlyElementsOf(made.stream().sorted().toList());
    assertThat(pages(path + "?order=-code", "vouchers", 10, N))
        .containsExactlyElementsOf(made.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    var first = http.get(path);
    assertThat(first.at("/vouchers").size()).as("Voucherify's default limit").isEqualTo(10);
    assertThat(first.at("/total").asInt()).isEqualTo(N);
  }

  @Test
  @DisplayName("members are filtered by customer (source id or cust_ id), code, ids and created_at")
  void memberFilters() {
    Instant before = now;
    tick();
    String c = campaign("Filtered");
    String id = http.post("/v1/customers", "{\"source_id\": \"filter-me\"}").at("/id").asText();
    Instant start = now;
    String a = member(c, "filter-me");
    String b = member(c, "filter-other");
    String d = member(c, "filter-third");
    String path = "/v1/loyalties/" + c + "/members";
    assertThat(all(path + "?customer=filter-me", "vouchers")).containsExactly(a);
    assertThat(all(path + "?customer=" + id, "vouchers")).containsExactly(a);
    assertThat(http.get(path + "?customer=nobody").at("/total").asInt()).isZero();
    assertThat(all(path + "?code=" + b, "vouchers")).containsExactly(b);
    assertThat(all(path + "?ids=" + a + "&ids=" + d, "vouchers")).containsExactly(d, a);
    // a member is created when it joins (the engine makes a pool's cards ahead of that)
    assertThat(all(path + "?created_at%5Bafter%5D=" + before, "vouchers")).containsExactly(d, b, a);
    assertThat(all(path + "?created_at%5Bafter%5D=" + start.plusSeconds(90), "vouchers")).containsExactly(d, b);
    assertThat(all(path + "?created_at[before]=" + start.plusSeconds(150) + "&created_at[after]=" + start,
        "vouchers")).containsExactly(b, a);
    assertThat(all(path + "?created_at[before]=" + before.toString().substring(0, 10), "vouchers")).isEmpty();
    assertThat(http.get(path + "?customer=filter-me&code=" + b).at("/total").asInt()).isZero();
  }

  @Test
  @DisplayName("a member's 25 transactions by cursor: each once, oldest first (order=id), newest first with -id")
  void memberTransactions() {
    String c = campaign("Transactions");
    String code = member(c, "t-holder");
    for (int i = 0; i < N; i++) {
      tick();
      assertThat(http.post("/v1/loyalties/" + c + "/members/" + code + "/balance",
          "{\"points\": " + (i + 1) + ", \"source_id\": \"t-" + i + "\"}").status()).isEqualTo(200);
    }
    String path = "/v1/loyalties/members/" + code + "/transactions";
    List<String> oldestFirst = cursor(path, 10);
    assertThat(oldestFirst).hasSize(N).doesNotHaveDuplicates().isEqualTo(all(path, "data"));
    var pointsInOrder = new ArrayList<Long>();
    http.get(path + "?limit=100").at("/data").forEach(t -> pointsInOrder.add(t.at("/details/balance/points").asLong()));
    assertThat(pointsInOrder).isSorted().first().isEqualTo(1L);
    List<String> reversed = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(reversed);
    assertThat(cursor(path + "?order=-id", 10)).isEqualTo(reversed);
    assertThat(cursor("/v1/loyalties/" + c + "/members/" + code + "/transactions", 4)).isEqualTo(oldestFirst);
    assertThat(http.get(path).at("/data").size()).as("Voucherify's default limit").isEqualTo(10);
  }

  @Test
  @DisplayName("a campaign's transactions over 25 members by cursor: each once, by time")
  void campaignTransactions() {
    String c = campaign("Campaign transactions");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String code = member(c, "ct-" + i);
      codes.add(code);
      http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 5}");
    }
    String path = "/v1/loyalties/" + c + "/transactions";
    List<String> ids = cursor(path, 10);
    assertThat(ids).hasSize(N).doesNotHaveDuplicates().isEqualTo(all(path, "data"));
    List<String> byCard = new ArrayList<>();
    http.get(path + "?limit=100").at("/data").forEach(t -> byCard.add(t.get("voucher_id").asText()));
    assertThat(byCard).as("by time: the members' order of joining").isEqualTo(codes);
  }

  @Test
  @DisplayName("25 buckets of a member by page; 25 pending entries of a member and of a campaign by cursor")
  void bucketsAndPendingPoints() {
    String c = campaign("Buckets");
    String code = member(c, "b-holder");
    for (int i = 0; i < N; i++) {
      assertThat(http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 3, "
          + "\"expiration_type\": \"CUSTOM_DATE\", \"expiration_date\": \"" + LocalDate.parse("2025-01-01").plusDays(i)
          + "\"}").status()).isEqualTo(200);
    }
    String buckets = "/v1/loyalties/" + c + "/members/" + code + "/points-expiration";
    assertThat(pages(buckets, "data", 10, N)).hasSize(N).doesNotHaveDuplicates().isEqualTo(all(buckets, "data"));

    String p = campaign("Pending");
    assertThat(http.post("/v1/loyalties/" + p + "/earning-rules", "[{\"event\": \"order.paid\", \"loyalty\": "
        + "{\"points\": 4}, \"pending_points\": {\"period_type\": \"DAY\", \"period_value\": 30}}]").status())
        .isEqualTo(200);
    String holder = member(p, "p-holder");
    for (int i = 0; i < N; i++) {
      paid("p-holder", "ord_p_" + i);
    }
    String pending = "/v1/loyalties/members/" + holder + "/pending-points";
    List<String> ids = cursor(pending, 10);
    assertThat(ids).hasSize(N).doesNotHaveDuplicates().isEqualTo(all(pending, "data"));
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);
    assertThat(cursor(pending + "?order=-id", 10)).isEqualTo(reversed);

    for (int i = 0; i < 4; i++) {
      member(p, "p-other-" + i);
      paid("p-other-" + i, "ord_po_" + i);
    }
    String campaignWide = "/v1/loyalties/" + p + "/pending-points";
    List<String> every = cursor(campaignWide, 10);
    assertThat(every).hasSize(N + 4).doesNotHaveDuplicates().containsAll(ids).isEqualTo(all(campaignWide, "data"));
    assertThat(cursor(campaignWide, 3)).isEqualTo(every);
    List<String> everyReversed = new ArrayList<>(every);
    java.util.Collections.reverse(everyReversed);
    assertThat(cursor(campaignWide + "?order=-id", 10)).isEqualTo(everyReversed);
    assertThat(http.get(campaignWide).at("/data/0/points").asLong()).isEqualTo(4);
  }

  private static void paid(String customer, String order) {
    var a = http.post("/v1/orders", "{\"id\": \"" + order + "\", \"status\": \"PAID\", \"amount\": 100, "
        + "\"customer\": {\"source_id\": \"" + customer + "\"}}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("25 earning rules, 25 reward assignments and rewards by page; tiers by limit; campaigns by page")
  void definitions() {
    String c = campaign("Definitions");
    StringBuilder rules = new StringBuilder("[");
    for (int i = 0; i < N; i++) {
      rules.append(i == 0 ? "" : ",").append("{\"event\": \"order.paid\", \"loyalty\": {\"points\": ").append(i + 1)
          .append("}}");
    }
    var created = http.post("/v1/loyalties/" + c + "/earning-rules", rules.append("]").toString());
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    List<String> made = new ArrayList<>();
    created.json().forEach(r -> made.add(r.get("id").asText()));
    String path = "/v1/loyalties/" + c + "/earning-rules";
    assertThat(pages(path, "data", 10, N)).containsExactlyElementsOf(made);
    List<String> reversed = new ArrayList<>(made);
    java.util.Collections.reverse(reversed);
    assertThat(pages(path + "?order=-created_at", "data", 10, N)).containsExactlyElementsOf(reversed);

    StringBuilder assignments = new StringBuilder("[");
    List<String> rewards = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String r = http.post("/v1/rewards", "{\"name\": \"R" + i + "\", \"type\": \"MATERIAL\", \"parameters\": "
          + "{\"product\": {\"id\": \"prod_" + i + "\"}}}").at("/id").asText();
      rewards.add(r);
      assignments.append(i == 0 ? "" : ",").append("{\"reward\": \"").append(r)
          .append("\", \"parameters\": {\"loyalty\": {\"points\": 10}}}");
    }
    assertThat(http.post("/v1/loyalties/" + c + "/rewards", assignments.append("]").toString()).status()).isEqualTo(200);
    assertThat(pages("/v1/rewards", "data", 10, N)).containsExactlyElementsOf(all("/v1/rewards", "data"))
        .containsExactlyInAnyOrderElementsOf(rewards);
    List<String> assigned = pages("/v1/loyalties/" + c + "/rewards", "data", 10, N);
    assertThat(assigned).hasSize(N).doesNotHaveDuplicates()
        .isEqualTo(pages("/v1/loyalties/" + c + "/reward-assignments", "data", 8, N));
    var one = http.get("/v1/loyalties/" + c + "/rewards?assignment_id=" + assigned.get(3));
    assertThat(one.at("/total").asInt()).isEqualTo(1);
    assertThat(one.at("/data/0/id").asText()).isEqualTo(assigned.get(3));

    StringBuilder tiers = new StringBuilder("[");
    for (int i = 0; i < 12; i++) {
      tiers.append(i == 0 ? "" : ",").append("{\"name\": \"T").append(i).append("\", \"points\": {\"from\": ")
          .append(i * 100).append(i == 11 ? "}}" : ", \"to\": " + (i * 100 + 99) + "}}");
    }
    assertThat(http.post("/v1/loyalties/" + c + "/tiers", tiers.append("]").toString()).status()).isEqualTo(200);
    var fewTiers = http.get("/v1/loyalties/" + c + "/tiers?limit=5");
    assertThat(fewTiers.at("/data").size()).isEqualTo(5);
    assertThat(fewTiers.at("/total").asInt()).isEqualTo(12);
    assertThat(fewTiers.at("/data/0/name").asText()).isEqualTo("T0");
    assertThat(http.get("/v1/loyalties/" + c + "/tiers?order=-created_at&limit=1").at("/data/0/name").asText())
        .isEqualTo("T11");
    assertThat(http.get("/v1/loyalties/" + c + "/tiers").at("/data").size()).as("Voucherify's default limit")
        .isEqualTo(10);

    int campaigns = http.get("/v1/loyalties?limit=100").at("/total").asInt();
    List<String> allCampaigns = new ArrayList<>();
    for (int page = 1; page <= campaigns; page++) {
      var a = http.get("/v1/loyalties?limit=1&page=" + page);
      assertThat(a.at("/total").asInt()).isEqualTo(campaigns);
      allCampaigns.add(a.at("/campaigns/0/id").asText());
    }
    assertThat(allCampaigns).doesNotHaveDuplicates().contains(c);
  }

  @Test
  @DisplayName("a bad limit, page, order or cursor is Voucherify's 400 invalid_query_params naming the parameter and its limits")
  void badParameters() {
    String c = campaign("Bad parameters");
    String code = member(c, "bad-holder");
    String members = "/v1/loyalties/" + c + "/members";
    String transactions = "/v1/loyalties/members/" + code + "/transactions";
    refused(members + "?limit=0", "limit", "from 1 to 100");
    refused(members + "?limit=101", "limit", "from 1 to 100");
    refused(members + "?limit=ten", "limit", "from 1 to 100");
    refused(members + "?limit=99999999999999999999", "limit", "from 1 to 100");
    refused(members + "?page=-1", "page", "from 1 to 100");
    refused(members + "?page=0", "page", "from 1 to 100");
    refused(members + "?page=101", "page", "from 1 to 100");
    refused(members + "?order=newest", "order", "-created_at");
    refused(members + "?created_at[before]=yesterday", "created_at[before]", "ISO 8601");
    refused("/v1/loyalties/" + c + "/earning-rules?order=id", "order", "created_at, -created_at, updated_at");
    refused("/v1/loyalties/" + c + "/tiers?limit=101", "limit", "from 1 to 100");
    refused("/v1/loyalties/" + c + "/rewards?page=0", "page", "from 1 to 100");
    refused("/v1/rewards?limit=0", "limit", "from 1 to 100");
    refused("/v1/loyalties?limit=101", "limit", "from 1 to 100");
    refused(transactions + "?limit=0", "limit", "from 1 to 100");
    refused(transactions + "?order=created_at", "order", "id, -id");
    refused(transactions + "?starting_after_id=vtx_nothing", "starting_after_id", "more_starting_after");
    refused("/v1/loyalties/" + c + "/transactions?limit=101", "limit", "from 1 to 100");
    refused("/v1/loyalties/" + c + "/pending-points?order=code", "order", "id, -id");
    refused("/v1/loyalties/members/" + code + "/pending-points?starting_after_id=" + code + ":999", "starting_after_id",
        "more_starting_after");
    refused("/v1/loyalties/" + c + "/members/" + code + "/points-expiration?limit=101", "limit", "from 1 to 100");
    assertThat(http.get(members + "?limit=100&page=100").status()).as("the bounds themselves are allowed").isEqualTo(200);
    assertThat(http.get(members + "?limit=1&page=1").at("/vouchers").size()).isEqualTo(1);
  }

  private static void refused(String path, String parameter, String limits) {
    var a = http.get(path);
    assertThat(a.status()).as(path + " answered " + a.body()).isEqualTo(400);
    assertThat(a.at("/code").asInt()).isEqualTo(400);
    assertThat(a.at("/key").asText()).isEqualTo("invalid_query_params");
    assertThat(a.at("/message").asText()).isEqualTo("invalid query params");
    assertThat(a.at("/details").asText()).startsWith(parameter + ":").contains(limits);
    assertThat(a.at("/request_id").asText()).isEqualTo(a.requestId());
  }

  @Test
  @DisplayName("transactions are filtered by Voucherify's filters[field][conditions][$op]; a bad filter is 400")
  void transactionFilters() {
    String c = campaign("Filtered transactions");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String code = member(c, "tf-" + i);
      codes.add(code);
      tick();
      http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": " + (i + 1) + "}");
    }
    String path = "/v1/loyalties/" + c + "/transactions";
    List<String> all = all(path, "data");
    assertThat(all).hasSize(3);
    assertThat(cards(path + "?filters[voucher_id][conditions][$in]=" + codes.get(0) + "," + codes.get(2)))
        .containsExactly(codes.get(0), codes.get(2));
    assertThat(cards(path + "?filters[voucher_id][conditions][$in][0]=" + codes.get(1)
        + "&filters[voucher_id][conditions][$in][1]=" + codes.get(2))).containsExactly(codes.get(1), codes.get(2));
    assertThat(cards(path + "?filters[voucher_id][conditions][$is_not]=" + codes.get(1)))
        .containsExactly(codes.get(0), codes.get(2));
    assertThat(all(path + "?filters[id][conditions][$is]=" + URLEncoder.encode(all.get(1), StandardCharsets.UTF_8),
        "data")).containsExactly(all.get(1));
    assertThat(cards(path + "?filters[junction]=or&filters[voucher_id][conditions][$is]=" + codes.get(0)
        + "&filters[id][conditions][$is]=" + URLEncoder.encode(all.get(2), StandardCharsets.UTF_8)))
        .containsExactly(codes.get(0), codes.get(2));
    assertThat(cards(path + "?filters[voucher_id][conditions][$is]=" + codes.get(0)
        + "&filters[id][conditions][$is]=" + URLEncoder.encode(all.get(2), StandardCharsets.UTF_8))).isEmpty();

    String code = codes.get(0);
    Instant cut = now;
    tick();
    http.post("/v1/loyalties/" + c + "/members/" + code + "/balance", "{\"points\": 7}");
    String member = "/v1/loyalties/members/" + code + "/transactions";
    var later = http.get(member + "?filters[created_at][conditions][$after]=" + cut);
    assertThat(later.at("/data").size()).isEqualTo(1);
    assertThat(later.at("/data/0/details/balance/points").asLong()).isEqualTo(7);
    assertThat(http.get(member + "?filters[created_at][conditions][$before]=" + cut).at("/data/0/details/balance/points")
        .asLong()).isEqualTo(1);

    refused(path + "?filters[amount][conditions][$is]=1", "filters[amount]", "id, voucher_id");
    refused(path + "?filters[id][conditions][$after]=x", "filters[id][conditions][$after]", "$in, $not_in");
    refused(path + "?filters[id]=x", "filters[id]", "filters[<field>][conditions][<$operator>]");
    refused(path + "?filters[junction]=xor", "filters[junction]", "and or or");
    refused(member + "?filters[created_at][conditions][$after]=yesterday", "filters[created_at][conditions][$after]",
        "ISO 8601");
    refused(member + "?filters[voucher_id][conditions][$is]=x", "filters[voucher_id]", "id, created_at");
  }

  private static List<String> cards(String path) {
    var a = http.get(q(path) + "limit=100");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    a.at("/data").forEach(t -> out.add(t.get("voucher_id").asText()));
    return out;
  }
}
