-- The outbox of creation e-mails: written in the transaction that opens the account, marked when sent.
-- It keeps the mail's content, so a later change to the account does not change what the owner is told.
CREATE TABLE notification (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id            INTEGER NOT NULL UNIQUE REFERENCES account (id),
    holder_name           TEXT    NOT NULL,
    masked_number         TEXT    NOT NULL,
    currency              TEXT    NOT NULL CHECK (length(currency) = 3),
    opening_balance_minor INTEGER NOT NULL CHECK (typeof(opening_balance_minor) = 'integer'),
    opened_at             INTEGER NOT NULL,
    status                TEXT    NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts              INTEGER NOT NULL DEFAULT 0,
    last_error            TEXT,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    sent_at               INTEGER
);

CREATE INDEX notification_status ON notification (status, id);
