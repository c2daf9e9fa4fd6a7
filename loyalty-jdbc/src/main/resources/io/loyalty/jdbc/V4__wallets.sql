-- Version 4: a member holds one card per wallet (card definition) of a program, so the membership key becomes
-- (program, holder, wallet). Cards stored before it are the v1 wallet's, "main": the column says so, and the
-- card bodies gain the field (a JSON object's members are unordered, so it goes first).

ALTER TABLE loyalty_card ADD COLUMN wallet text COLLATE "C" NOT NULL DEFAULT 'main';
UPDATE loyalty_card SET body = '{"wallet":"main",' || substr(body, 2) WHERE body NOT LIKE '{"wallet":%';
ALTER TABLE loyalty_card DROP CONSTRAINT loyalty_card_member_key;
ALTER TABLE loyalty_card ADD CONSTRAINT loyalty_card_member_key UNIQUE (program, holder, wallet);
DROP INDEX loyalty_card_holder_idx;
CREATE INDEX loyalty_card_holder_idx ON loyalty_card (holder, program, wallet) WHERE holder IS NOT NULL;
