-- Version 8: a card's tier state (TierState: the terms of its tiers and the points earned in the current
-- qualification period), kept on the card's row as JSON, for programs whose tier policy keeps a tier for a term.
-- NULL for every card until a write under such a policy settles one (BALANCE_DROP keeps none).

ALTER TABLE loyalty_card ADD COLUMN tiers text;
