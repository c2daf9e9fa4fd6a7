package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import java.util.Objects;

/** What a {@link CommitResult.Conflict} names: the versioned aggregate whose stored version was not the one expected. */
public sealed interface Aggregate {
  /** The documented text form, such as {@code card:ACME-1} (for logs and messages; never parsed). */
  String text();

  /** A program definition. */
  record ProgramRef(ProgramId id) implements Aggregate {
    /** Checks the id. */
    public ProgramRef {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return "program:" + id;
    }
  }

  /** A loyalty v2 component (a card definition or an earning rule). */
  record ComponentRef(io.loyalty.spi.program.ComponentKind kind, String id) implements Aggregate {
    /** Checks the parts. */
    public ComponentRef {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
  }

  /** A loyalty v2 member record (its text names the program only: no customer identifiers in messages). */
  record MemberRef(ProgramId program, io.loyalty.spi.CustomerId customer) implements Aggregate {
    /** Checks the parts. */
    public MemberRef {
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(customer, "customer");
    }

    @Override
    public String text() {
      return "member of " + program;
    }
  }

  /** A card. */
  record CardRef(CardCode code) implements Aggregate {
    /** Checks the code. */
    public CardRef {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String text() {
      return "card:" + code;
    }
  }

  /** A reward of the catalog. */
  record RewardRef(RewardId id) implements Aggregate {
    /** Checks the id. */
    public RewardRef {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return "reward:" + id;
    }
  }

  /** A redemption. */
  record RedemptionRef(RedemptionId id) implements Aggregate {
    /** Checks the id. */
    public RedemptionRef {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return "redemption:" + id;
    }
  }

  /**
   * The store as a whole: the database broke a race between writers (a deadlock or a serialization failure) before
   * it could tell which aggregate.
   */
  record WholeStore() implements Aggregate {
    @Override
    public String text() {
      return "store";
    }
  }
}
