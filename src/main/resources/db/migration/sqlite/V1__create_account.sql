-- Accounts. Money is an integer count of the currency's minor units; instants are epoch milliseconds.
CREATE TABLE account (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
    name_folded   TEXT    NOT NULL,
    number        TEXT    NOT NULL UNIQUE CHECK (length(number) BETWEEN 6 AND 34),
    balance_minor INTEGER NOT NULL CHECK (typeof(balance_minor) = 'integer' AND balance_minor >= 0),
    currency      TEXT    NOT NULL CHECK (length(currency) = 3),
    status        TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0
);

-- Listing pages through one status in id order.
CREATE INDEX account_status_id ON account (status, id);
