-- Version 9: claims of the outbox (OutboxStore.claim, settle, deadLetters, requeue). For each consumer, a card's
-- unacknowledged events form a line; a row here is a line that a relay holds under a lease (owner, lease_until) or
-- whose first event failed (failed_position, failures, retry_at, or dead for a dead letter). A line with neither has no
-- row, or an idle one. Claims pick outbox rows FOR NO KEY UPDATE SKIP LOCKED (so relays claiming at once take different
-- rows without waiting, and acknowledgements' key checks are not blocked), then take each line's row with a guarded
-- upsert that one relay wins. Instants for leases and retries are epoch microseconds rounded up (never early); the
-- failure's own instant is kept exactly. loyalty_outbox keeps the columns Debezium's outbox event router reads (id,
-- aggregatetype, aggregateid, type, payload): nothing here changes it.

CREATE TABLE loyalty_outbox_line (
  consumer         text COLLATE "C" NOT NULL,
  aggregateid      text COLLATE "C" NOT NULL,
  owner            text COLLATE "C",
  lease_until      bigint,
  failed_position  bigint,
  failures         integer NOT NULL DEFAULT 0,
  retry_at         bigint,
  dead             boolean NOT NULL DEFAULT false,
  failed_seconds   bigint,
  failed_nanos     integer,
  reason           text,
  CONSTRAINT loyalty_outbox_line_key PRIMARY KEY (consumer, aggregateid),
  CONSTRAINT loyalty_outbox_line_failure_check CHECK (
    (failed_position IS NULL AND failures = 0 AND retry_at IS NULL AND NOT dead)
    OR (failed_position IS NOT NULL AND failures > 0 AND (dead = (retry_at IS NULL))))
);

-- a relay's settle releases the lines it holds
CREATE INDEX loyalty_outbox_line_owner ON loyalty_outbox_line (consumer, owner) WHERE owner IS NOT NULL;
-- the dead letters of a consumer in commit order
CREATE INDEX loyalty_outbox_line_dead ON loyalty_outbox_line (consumer, failed_position) WHERE dead;
