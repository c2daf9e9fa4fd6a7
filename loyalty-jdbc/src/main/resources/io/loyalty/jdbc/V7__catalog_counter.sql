-- Version 7: the catalog version (ProgramStore.catalogVersion, which an engine reads before every event to know
-- whether its compiled catalog is current) is one row the program writes keep, not a count of every program version
-- read on each event. It starts at that count, so an engine running across the migration sees the same number.

CREATE TABLE loyalty_catalog (
  id       integer PRIMARY KEY CHECK (id = 1),
  version  bigint NOT NULL
);
INSERT INTO loyalty_catalog (id, version) SELECT 1, count(*) FROM loyalty_program;
