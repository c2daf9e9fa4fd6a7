-- Version 12: loyalty v2 member records (status and metadata beside the member's cards), one row per member,
-- written with compare-and-set on "version". Keyed by holder first: on Citus it is distributed by holder, with the
-- memberships (loyalty_member). "metadata" is the SPI Metadata as JSON; the instants are ISO-8601 text.

CREATE TABLE loyalty_member_record (
  holder      text COLLATE "C" NOT NULL,
  program     text COLLATE "C" NOT NULL,
  version     bigint NOT NULL,
  status      text NOT NULL,
  metadata    text NOT NULL,
  created_at  text NOT NULL,
  updated_at  text NOT NULL,
  CONSTRAINT loyalty_member_record_key PRIMARY KEY (holder, program)
);
CREATE INDEX loyalty_member_record_program ON loyalty_member_record (program, created_at, holder);
