-- Version 11: loyalty v2 components (card definitions and v2 earning rules) stored on their own, every version kept
-- as programs are. "body" is the component's SPI record as JSON (a CardDefinition or a FirstMatchRule, as "kind"
-- says); the instants are ISO-8601 text, exact to the nanosecond. A write inserts the next version only over the
-- expected latest one; a racing writer of the same version hits the primary key.

CREATE TABLE loyalty_component (
  kind        text COLLATE "C" NOT NULL,
  id          text COLLATE "C" NOT NULL,
  version     bigint NOT NULL,
  status      text NOT NULL,
  created_at  text NOT NULL,
  updated_at  text NOT NULL,
  body        text NOT NULL,
  CONSTRAINT loyalty_component_version_key PRIMARY KEY (kind, id, version)
);
