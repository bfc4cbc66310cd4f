-- Serves ActiveBalances (the batch total): per status and currency, the balances in id order, read from
-- the index alone.
CREATE INDEX account_active_balance ON account (status, currency, id, balance_minor);
