package io.loyalty.core.internal.load;

import io.loyalty.core.CardAlreadyPublishedException;
import io.loyalty.core.CodesExhaustedException;
import io.loyalty.core.internal.codes.CodeGenerator;
import io.loyalty.core.internal.decide.Pool;
import io.loyalty.core.internal.decide.Publication;
import io.loyalty.core.internal.decide.Refill;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.card.Card;
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
 * Reads and generates the cards a customer joins a program with: a requested code, or the pool's next cards from
 * the customer's probe (the decision picks the first, {@link Publication#ofPool}); an AUTO_UPDATE pool generates new
 * cards and keeps a few unpublished ones in reserve. Thread-safe.
 */
public final class Enrolment {
  private final LoyaltyStore store;
  private final CodeGenerator codes;

  /** Enrolment over the store, drawing new codes with {@code codes}. */
  public Enrolment(LoyaltyStore store, CodeGenerator codes) {
    this.store = store;
    this.codes = codes;
  }

  /** New unpublished cards for a pool, with codes free in the store. */
  public List<Card> generate(Program program, int count, Instant at) {
    return generate(program, io.loyalty.spi.WalletId.MAIN, count, at);
  }

  /** New unpublished cards of the program's wallet, with codes (by the wallet's code configuration) free in the store. */
  public List<Card> generate(Program program, io.loyalty.spi.WalletId wallet, int count, Instant at) {
    if (count <= 0) {
      return List.of();
    }
    List<String> fresh = codes.generate(program.codeConfig(wallet), count, code -> store.card(CardCode.of(code)).isPresent());
    List<Card> cards = new ArrayList<>(fresh.size());
    for (String code : fresh) {
      cards.add(Card.generated(CardCode.of(code), program.id(), at).toBuilder().wallet(wallet).build());
    }
    return cards;
  }

  /**
   * A code-shaped starting point for the customer's pick: the pattern with each placeholder replaced by a
   * charset character drawn from a generator seeded by the customer id. Deterministic (a quote picks the
   * card apply will), spread over the whole pool (racing joins of different customers rarely collide),
   * and it hands out codes in no guessable order.
   */
  public static String probe(CodeConfig config, CustomerId customer) {
    SplittableRandom mix = new SplittableRandom(Hashing.murmur3_128().hashString(customer.value(), StandardCharsets.UTF_8).asLong());
    String charset = config.effectiveCharset();
    StringBuilder sb = new StringBuilder(config.prefix() == null ? "" : config.prefix());
    for (char c : config.effectivePattern().toCharArray()) {
      sb.append(c == CodeConfig.PLACEHOLDER ? charset.charAt(mix.nextInt(charset.length())) : c);
    }
    return sb.toString();
  }

  /**
   * The unpublished cards a join of {@code customer} to {@code program} at {@code at} picks from: the pool's next ones
   * from the customer's probe, and a new card when an AUTO_UPDATE pool has none left.
   */
  public Pool pool(Program program, CustomerId customer, Instant at) {
    List<Card> reserve = store.unpublishedCards(program.id(), probe(program.card().codeConfig(), customer),
        Pool.PICK_WINDOW);
    Card fresh = null;
    RuntimeException noFresh = null;
    if (reserve.isEmpty() && program.pool().type() == CardPool.Type.AUTO_UPDATE) {
      try {
        fresh = generate(program, 1, at).get(0).toBuilder().version(0).createdAt(at).build();
      } catch (CodesExhaustedException e) {
        noFresh = e; // only a join needs the card: the event may not join
      }
    }
    return new Pool(program.id(), reserve, fresh, noFresh);
  }

  /**
   * Prepares the publication of a card of {@code program} to {@code customer} at {@code at}.
   *
   * @param requested the code asked for, or {@code null} for the next card of the pool
   * @param refill whether to top up an AUTO_UPDATE pool's reserve (a quote does not)
   */
  public Publication prepare(Program program, CustomerId customer, @Nullable CardCode requested, Instant at,
      boolean refill) {
    if (requested == null) {
      return Publication.ofPool(program, customer, pool(program, customer, at), at, refill);
    }
    Card card = store.card(requested).filter(c -> c.program().equals(program.id()))
        .orElseThrow(() -> new NotFoundException("card", requested + " in program " + program.id()));
    if (card.isPublished()) {
      throw new CardAlreadyPublishedException("card " + requested + " is already published to a customer");
    }
    return Publication.of(program, customer, card, at, Pool.refill(program, 0, refill));
  }

  /** The new unpublished cards a publication asks for, at {@code at}: never the published card itself. */
  public List<CardWrite> refills(Program program, int count, CardCode published, Instant at) {
    if (count <= 0) {
      return List.of();
    }
    return generate(program, count, at).stream()
        .filter(c -> !c.code().equals(published))
        .map(c -> new CardWrite(c, 0))
        .toList();
  }

  /**
   * {@code writes} with the refills generated, each pool's just before the write of the card its join published (at
   * the end when there is none).
   */
  public List<CardWrite> withRefills(List<CardWrite> writes, List<Refill> refills, Instant at) {
    if (refills.isEmpty()) {
      return writes;
    }
    List<CardWrite> all = new ArrayList<>(writes.size() + refills.size() * Pool.RESERVE);
    boolean[] placed = new boolean[refills.size()];
    for (CardWrite write : writes) {
      for (int i = 0; i < refills.size(); i++) {
        Refill r = refills.get(i);
        if (!placed[i] && r.published().equals(write.card().code())) {
          all.addAll(refills(r.program(), r.count(), r.published(), at));
          placed[i] = true;
        }
      }
      all.add(write);
    }
    for (int i = 0; i < refills.size(); i++) {
      if (!placed[i]) {
        Refill r = refills.get(i);
        all.addAll(refills(r.program(), r.count(), r.published(), at));
      }
    }
    return all;
  }
}
