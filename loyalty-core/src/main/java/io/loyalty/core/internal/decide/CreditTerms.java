package io.loyalty.core.internal.decide;

import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.PendingPoints;

import io.loyalty.core.internal.expiry.ExpiryCalendar;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When granted points become usable and when they expire: pending for the rule's period, then expiring by
 * the rule's expiration rule, else the program's, else never; the expiry clock starts when they are usable.
 *
 * @param activatesAt when they become usable, {@code null} for at once
 * @param expiresAt when they expire, {@code null} for never
 */
public record CreditTerms(@Nullable Instant activatesAt, @Nullable Instant expiresAt) {
  /** Usable at once, never expiring: the terms of most grants, shared. */
  public static final CreditTerms NOW_NEVER = new CreditTerms(null, null);

  /** Terms of points an earning rule grants at {@code at}. */
  public static CreditTerms forRule(Program program, @Nullable EarningRule rule, Instant at) {
    return forRule(program, rule == null ? WalletId.MAIN : rule.wallet(), rule, at);
  }

  /**
   * Terms of points granted at {@code at} into {@code wallet} by {@code rule} ({@code null}: by hand or by the
   * program): the rule's pending period and expiry win, else the wallet's (a v1 program's: its card template's).
   */
  public static CreditTerms forRule(Program program, WalletId wallet, @Nullable EarningRule rule, Instant at) {
    PendingPoints pending = rule == null ? null
        : rule.pendingPoints() != null ? rule.pendingPoints() : program.pendingPoints(wallet);
    Instant activates = pending == null ? null : ExpiryCalendar.activatesAt(pending, at, program.zone());
    ExpirationRule expiration = ExpiryCalendar.effective(rule == null ? null : rule.expiration(), program.expiration(wallet));
    if (activates == null && expiration == null) {
      return NOW_NEVER;
    }
    Instant usableFrom = activates == null ? at : activates;
    return new CreditTerms(activates, expiration == null ? null : ExpiryCalendar.expiresAt(expiration, usableFrom, program.zone()));
  }

  /** Terms of points granted at {@code at} under the program's own expiration rule (initial points, transfers). */
  public static CreditTerms forProgram(Program program, Instant at) {
    return forRule(program, WalletId.MAIN, null, at);
  }

  /** Terms of points put into {@code wallet} at {@code at} by hand or by the program (its expiry; never pending). */
  public static CreditTerms forWallet(Program program, WalletId wallet, Instant at) {
    return forRule(program, wallet, null, at);
  }

  /** The expiry of pending points activated by hand at {@code at} under the rule that granted them. */
  public static @Nullable Instant expiryOnActivation(Program program, WalletId wallet, @Nullable EarningRule rule,
      Instant at) {
    ExpirationRule expiration = ExpiryCalendar.effective(rule == null ? null : rule.expiration(), program.expiration(wallet));
    return expiration == null ? null : ExpiryCalendar.expiresAt(expiration, at, program.zone());
  }
}
