-- Version 6: a ledger entry is no longer a JSON body. The columns card, seq, entry_key, order_id and event_id hold
-- what they held; the free texts are columns: reason (NULL when it is the rule's id, or empty for an entry of no
-- rule) and related (the linked entry's key); the rest is one text, "fields" (LedgerRows.pack): type, points,
-- pending, balance after, instant (epoch second, or second:nanosecond), rule, program version and draws (lot:points
-- joined by commas), joined by U+001F, a NULL as nothing. No query reads entries by event, so the event index goes;
-- entries of an order are read by card and order (LedgerStore.entriesForOrder, a handful of rows sorted by seq after
-- the scan), so that index drops seq.

ALTER TABLE loyalty_ledger
  ADD COLUMN fields text,
  ADD COLUMN reason text,
  ADD COLUMN related text;

-- data step: every entry's body becomes its fields, reason and related (LedgerRows.fromBodies); then the body goes

ALTER TABLE loyalty_ledger DROP COLUMN body;
ALTER TABLE loyalty_ledger ALTER COLUMN fields SET NOT NULL;
DROP INDEX loyalty_ledger_event_idx;
DROP INDEX loyalty_ledger_order_idx;
CREATE INDEX loyalty_ledger_order_idx ON loyalty_ledger (card, order_id) WHERE order_id IS NOT NULL;
