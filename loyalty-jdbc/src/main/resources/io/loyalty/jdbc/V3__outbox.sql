-- Version 3: the transactional outbox. A change set's events are inserted in its transaction, after every other
-- write (so a card's events are numbered in the order its changes commit: writers of a card are serialized by the
-- card row's compare-and-set). The columns id, aggregatetype, aggregateid, type and payload are the ones Debezium's
-- outbox event router reads; payload is the whole event as JSON text (exact decimals, as every body column).

CREATE TABLE loyalty_outbox (
  position      bigint GENERATED ALWAYS AS IDENTITY,
  id            text COLLATE "C" NOT NULL,
  aggregatetype text NOT NULL,
  aggregateid   text COLLATE "C" NOT NULL,
  type          text NOT NULL,
  payload       text NOT NULL,
  CONSTRAINT loyalty_outbox_position_key PRIMARY KEY (position),
  CONSTRAINT loyalty_outbox_id_key UNIQUE (id)
);

-- One row per event a consumer has handled; by position, the smaller key.
CREATE TABLE loyalty_outbox_ack (
  consumer  text COLLATE "C" NOT NULL,
  position  bigint NOT NULL,
  CONSTRAINT loyalty_outbox_ack_key PRIMARY KEY (consumer, position),
  CONSTRAINT loyalty_outbox_ack_event_fk FOREIGN KEY (position) REFERENCES loyalty_outbox (position)
);
