package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.store.Aggregate;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.UniqueKey;

/** The commit answers the contracts expect, by the ids of the port world. */
final class Answers {
  private Answers() {}

  static CommitResult codeTaken(String code) {
    return new CommitResult.Duplicate(new UniqueKey.CodeKey(CardCode.of(code)));
  }

  static CommitResult memberTaken(String program, String customer) {
    return new CommitResult.Duplicate(new UniqueKey.MemberKey(ProgramId.of(program), CustomerId.of(customer), WalletId.MAIN));
  }

  static CommitResult entryTaken(String key) {
    return new CommitResult.Duplicate(new UniqueKey.EntryKey(LedgerKey.parse(key)));
  }

  static CommitResult seqTaken(String card, long seq) {
    return new CommitResult.Duplicate(new UniqueKey.SeqKey(CardCode.of(card), seq));
  }

  static CommitResult eventTaken(String event) {
    return new CommitResult.Duplicate(new UniqueKey.EventKey(EventId.of(event)));
  }

  static CommitResult redemptionTaken(String redemption) {
    return new CommitResult.Duplicate(new UniqueKey.RedemptionKey(RedemptionId.of(redemption)));
  }

  static CommitResult outboxTaken(String id) {
    return new CommitResult.Duplicate(new UniqueKey.OutboxKey(id));
  }

  static CommitResult staleCard(String code) {
    return new CommitResult.Conflict(new Aggregate.CardRef(CardCode.of(code)));
  }

  static CommitResult staleProgram(String program) {
    return new CommitResult.Conflict(new Aggregate.ProgramRef(ProgramId.of(program)));
  }

  static CommitResult staleReward(String reward) {
    return new CommitResult.Conflict(new Aggregate.RewardRef(RewardId.of(reward)));
  }

  static CommitResult staleRedemption(String redemption) {
    return new CommitResult.Conflict(new Aggregate.RedemptionRef(RedemptionId.of(redemption)));
  }
}
