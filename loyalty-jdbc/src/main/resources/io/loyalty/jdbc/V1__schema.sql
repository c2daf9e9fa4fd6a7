-- Version 1 of the loyalty store's tables, applied by JdbcLoyaltyStore.migrate() and recorded in
-- loyalty_schema_version. Each aggregate is one row: its SPI record as JSON in "body" (exact decimals, ISO
-- instants), plus the columns the ports query by. Versions make writes compare-and-set (UPDATE ... WHERE
-- version = ?); named unique constraints make idempotency keys unique, and their names tell the adapter which key
-- a duplicate hit. Text columns that are ordered use the "C" collation: code-point order, whatever the locale.

CREATE TABLE loyalty_program (
  id        text COLLATE "C" NOT NULL,
  version   bigint NOT NULL,
  body      text NOT NULL,
  CONSTRAINT loyalty_program_version_key PRIMARY KEY (id, version)
);

CREATE TABLE loyalty_card (
  code      text COLLATE "C" NOT NULL,
  program   text COLLATE "C" NOT NULL,
  holder    text COLLATE "C",
  version   bigint NOT NULL,
  body      text NOT NULL,
  CONSTRAINT loyalty_card_code_key PRIMARY KEY (code),
  -- NULL holders (unpublished cards) never collide: one card per customer and program
  CONSTRAINT loyalty_card_member_key UNIQUE (program, holder)
);
CREATE INDEX loyalty_card_program_idx ON loyalty_card (program, code);
CREATE INDEX loyalty_card_unpublished_idx ON loyalty_card (program, code) WHERE holder IS NULL;

CREATE TABLE loyalty_ledger (
  card      text COLLATE "C" NOT NULL,
  seq       bigint NOT NULL,
  entry_key text COLLATE "C" NOT NULL,
  order_id  text COLLATE "C",
  event_id  text COLLATE "C",
  body      text NOT NULL,
  CONSTRAINT loyalty_ledger_seq_key PRIMARY KEY (card, seq),
  CONSTRAINT loyalty_ledger_entry_key UNIQUE (entry_key),
  CONSTRAINT loyalty_ledger_card_fk FOREIGN KEY (card) REFERENCES loyalty_card (code)
);
CREATE INDEX loyalty_ledger_order_idx ON loyalty_ledger (card, order_id, seq) WHERE order_id IS NOT NULL;
CREATE INDEX loyalty_ledger_event_idx ON loyalty_ledger (event_id) WHERE event_id IS NOT NULL;

CREATE TABLE loyalty_receipt (
  event_id  text COLLATE "C" NOT NULL,
  body      text NOT NULL,
  CONSTRAINT loyalty_receipt_event_key PRIMARY KEY (event_id)
);

CREATE TABLE loyalty_reward (
  id        text COLLATE "C" NOT NULL,
  version   bigint NOT NULL,
  body      text NOT NULL,
  CONSTRAINT loyalty_reward_id_key PRIMARY KEY (id)
);

CREATE TABLE loyalty_redemption (
  id         text COLLATE "C" NOT NULL,
  card       text COLLATE "C" NOT NULL,
  reward     text COLLATE "C" NOT NULL,
  version    bigint NOT NULL,
  at_seconds bigint NOT NULL,
  at_nanos   integer NOT NULL,
  body       text NOT NULL,
  CONSTRAINT loyalty_redemption_id_key PRIMARY KEY (id)
);
CREATE INDEX loyalty_redemption_card_idx ON loyalty_redemption (card, at_seconds, at_nanos, id);
CREATE INDEX loyalty_redemption_reward_idx ON loyalty_redemption (reward);
