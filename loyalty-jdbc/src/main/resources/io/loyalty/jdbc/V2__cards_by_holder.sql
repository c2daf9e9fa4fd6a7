-- Version 2: a customer's cards across programs are read by holder (CardStore.cardsOf), one index scan.
-- Receipts stored before it may hold per-program outcomes with a NOT_A_MEMBER skip, a reason the engine no
-- longer has: Migrations drops those outcomes right after this script, in the same transaction.

CREATE INDEX loyalty_card_holder_idx ON loyalty_card (holder, program) WHERE holder IS NOT NULL;
