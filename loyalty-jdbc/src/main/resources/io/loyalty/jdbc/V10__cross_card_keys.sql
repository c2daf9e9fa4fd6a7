-- Version 10: the two unique keys that span cards get tables of their own, so that a database that distributes the
-- card, lot and ledger tables by card (Citus, JdbcDialect.CITUS) can still check them there: a store-wide ledger key
-- (a host's source id, a redemption's entries, a legacy text: LedgerKey.card() is null) in loyalty_entry_key, keyed
-- by its text; a membership (one card per holder, program and wallet) in loyalty_member, keyed by holder first. Only
-- the Citus dialect writes them: PostgreSQL, CockroachDB and YugabyteDB keep checking loyalty_ledger_entry_key and
-- loyalty_card_member_key, whose unique indexes span cards there, and leave both tables empty. Under the Citus dialect
-- the migration fills them from the stored rows, then narrows the ledger's key to (card, entry_key) (the card-scoped
-- keys spell their card, so that is the same key for them) and drops the card's member key (loyalty_card_holder_idx
-- still serves the reads by holder); see docs/scale-out.md.

CREATE TABLE loyalty_entry_key (
  entry_key text COLLATE "C" NOT NULL,
  card      text COLLATE "C" NOT NULL,
  CONSTRAINT loyalty_entry_key_key PRIMARY KEY (entry_key)
);

CREATE TABLE loyalty_member (
  holder    text COLLATE "C" NOT NULL,
  program   text COLLATE "C" NOT NULL,
  wallet    text COLLATE "C" NOT NULL,
  card      text COLLATE "C" NOT NULL,
  CONSTRAINT loyalty_member_key PRIMARY KEY (holder, program, wallet)
);
