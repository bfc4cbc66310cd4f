-- The journal. A movement is one entry of two postings of opposite sign that sum to zero; a posting without an
-- account is on the bank's outside-world account of its currency. Both tables are append-only: the triggers
-- below refuse every UPDATE and DELETE, so history cannot be rewritten, only corrected by a new movement.
CREATE TABLE movement (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    type         TEXT    NOT NULL
                         CHECK (type IN ('OPENING', 'DEPOSIT', 'WITHDRAWAL', 'TRANSFER', 'ADJUSTMENT', 'REVERSAL')),
    currency     TEXT    NOT NULL CHECK (length(currency) = 3),
    amount_minor INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    from_account INTEGER REFERENCES account (id),
    to_account   INTEGER REFERENCES account (id),
    reference    TEXT    CHECK (length(reference) <= 140),
    -- A movement is undone at most once: the index on it is unique.
    reverses     INTEGER UNIQUE REFERENCES movement (id),
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    CHECK (from_account IS NOT NULL OR to_account IS NOT NULL),
    CHECK (from_account IS NOT to_account),
    CHECK ((type = 'REVERSAL') = (reverses IS NOT NULL))
);

-- A posting's id is twice its movement's for the side the money leaves, plus one for the side it reaches.
CREATE TABLE posting (
    id            INTEGER PRIMARY KEY,
    movement_id   INTEGER NOT NULL REFERENCES movement (id),
    account_id    INTEGER REFERENCES account (id),
    currency      TEXT    NOT NULL CHECK (length(currency) = 3),
    amount_minor  INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor <> 0),
    -- The account's balance right after this posting; the outside world keeps none.
    balance_after INTEGER CHECK ((account_id IS NULL) = (balance_after IS NULL) AND balance_after >= 0),
    -- Two postings per movement at most, one per side.
    CHECK (id / 2 = movement_id)
);

-- Statements (an account's postings, newest first) and the reconciliation's sums per account, from the index alone.
CREATE INDEX posting_account ON posting (account_id, movement_id, amount_minor);
-- The outside world's postings, per movement range, for the reconciliation.
CREATE INDEX posting_outside ON posting (movement_id, currency, amount_minor) WHERE account_id IS NULL;

CREATE TRIGGER movement_is_append_only_update BEFORE UPDATE ON movement
BEGIN SELECT RAISE(ABORT, 'movement is append-only'); END;
CREATE TRIGGER movement_is_append_only_delete BEFORE DELETE ON movement
BEGIN SELECT RAISE(ABORT, 'movement is append-only'); END;
CREATE TRIGGER posting_is_append_only_update BEFORE UPDATE ON posting
BEGIN SELECT RAISE(ABORT, 'posting is append-only'); END;
CREATE TRIGGER posting_is_append_only_delete BEFORE DELETE ON posting
BEGIN SELECT RAISE(ABORT, 'posting is append-only'); END;

-- Balances from before the journal become OPENING movements, so every balance equals its postings from the start.
-- The journal is empty here, so each one takes its account's id.
INSERT INTO movement (id, type, currency, amount_minor, from_account, to_account, reference, reverses, created_at,
                      created_by)
SELECT id, 'OPENING', currency, balance_minor, NULL, id, NULL, NULL, created_at, 'bms-migration'
  FROM account WHERE balance_minor > 0;
INSERT INTO posting (id, movement_id, account_id, currency, amount_minor, balance_after)
SELECT 2 * id, id, NULL, currency, -balance_minor, NULL FROM account WHERE balance_minor > 0;
INSERT INTO posting (id, movement_id, account_id, currency, amount_minor, balance_after)
SELECT 2 * id + 1, id, id, currency, balance_minor, balance_minor FROM account WHERE balance_minor > 0;

-- Responses to money moves, kept per caller and Idempotency-Key so that a retry is answered, not repeated.
CREATE TABLE idempotency_key (
    subject     TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    status      INTEGER NOT NULL,
    location    TEXT,
    etag        TEXT,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (subject, key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
