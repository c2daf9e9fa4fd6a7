package io.loyalty.core.internal.engine;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.CardAlreadyPublishedException;
import io.loyalty.core.NoCardAvailableException;
import io.loyalty.core.internal.codes.CodeGenerator;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.LoyaltyStore;
import com.google.common.hash.Hashing;
import io.loyalty.spi.program.CodeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses and prepares the card a customer joins a program with: a requested code, or the next card of
 * the pool; a STATIC pool that is used up refuses, an AUTO_UPDATE pool generates new cards and keeps a
 * few unpublished ones in reserve.
 */
final class Enrolment {
  /** How many unpublished cards a pick reads: enough to judge whether an AUTO_UPDATE reserve needs a top-up. */
  static final int PICK_WINDOW = 8;
  /** How many unpublished cards an AUTO_UPDATE pool keeps in reserve. */
  static final int RESERVE = 8;

  private final LoyaltyStore store;
  private final CodeGenerator codes;

  Enrolment(LoyaltyStore store, CodeGenerator codes) {
    this.store = store;
    this.codes = codes;
  }

  /** New unpublished cards for a pool, with codes free in the store. */
  List<Card> generate(Program program, int count, Instant at) {
    if (count <= 0) {
      return List.of();
    }
    List<String> fresh = codes.generate(program.card().codeConfig(), count, code -> store.card(CardCode.of(code)).isPresent());
    List<Card> cards = new ArrayList<>(fresh.size());
    for (String code : fresh) {
      cards.add(Card.generated(CardCode.of(code), program.id(), at));
    }
    return cards;
  }

  /**
   * A code-shaped starting point for the customer's pick: the pattern with each placeholder replaced by a
   * charset character drawn from a generator seeded by the customer id. Deterministic (a quote picks the
   * card apply will), spread over the whole pool (racing joins of different customers rarely collide),
   * and it hands out codes in no guessable order.
   */
  static String probe(CodeConfig config, CustomerId customer) {
    SplittableRandom mix = new SplittableRandom(Hashing.murmur3_128().hashString(customer.value(), StandardCharsets.UTF_8).asLong());
    String charset = config.effectiveCharset();
    StringBuilder sb = new StringBuilder(config.prefix() == null ? "" : config.prefix());
    for (char c : config.effectivePattern().toCharArray()) {
      sb.append(c == CodeConfig.PLACEHOLDER ? charset.charAt(mix.nextInt(charset.length())) : c);
    }
    return sb.toString();
  }

  /**
   * Prepares the publication of a card of {@code program} to {@code customer} at {@code at}.
   *
   * @param requested the code asked for, or {@code null} for the next card of the pool
   * @param refill whether to top up an AUTO_UPDATE pool's reserve (a quote does not)
   */
  Publication prepare(Program program, CustomerId customer, @Nullable CardCode requested, Instant at, boolean refill) {
    Card card;
    List<Card> reserve = List.of();
    if (requested != null) {
      card = store.card(requested).filter(c -> c.program().equals(program.id()))
          .orElseThrow(() -> new NotFoundException("card", requested + " in program " + program.id()));
      if (card.isPublished()) {
        throw new CardAlreadyPublishedException("card " + requested + " is already published to a customer");
      }
    } else {
      reserve = store.unpublishedCards(program.id(), probe(program.card().codeConfig(), customer), PICK_WINDOW);
      if (!reserve.isEmpty()) {
        card = reserve.get(0);
      } else if (program.pool().type() == CardPool.Type.STATIC) {
        throw new NoCardAvailableException("program " + program.id() + " has no unpublished card left in its STATIC pool of "
            + program.pool().vouchersCount());
      } else {
        Card fresh = generate(program, 1, at).get(0);
        card = fresh.toBuilder().version(0).createdAt(at).build();
      }
    }
    long expected = card.version();
    Instant expiresAt = program.card().activityDurationAfterPublishing() == null
        ? null
        : program.card().activityDurationAfterPublishing().addTo(at.atZone(program.zone())).toInstant();
    Card published = card.toBuilder().holder(customer).publishedAt(at).expiresAt(expiresAt).build();
    List<Credit> initial = program.card().initialPoints() > 0
        ? List.of(Credit.now(EntryType.POINTS_ADDITION, program.card().initialPoints(), new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, card.code(), 0),
            new LotSource(null, null, program.version(), null), "initial points", CreditTerms.forProgram(program, at).expiresAt()))
        : List.of();
    List<CardWrite> refills = List.of();
    if (refill && program.pool().type() == CardPool.Type.AUTO_UPDATE && reserve.size() <= RESERVE / 2) {
      refills = generate(program, RESERVE - Math.max(0, reserve.size() - 1), at).stream()
          .filter(c -> !c.code().equals(published.code()))
          .map(c -> new CardWrite(c, 0))
          .toList();
    }
    return new Publication(published, expected, initial, refills);
  }
}
