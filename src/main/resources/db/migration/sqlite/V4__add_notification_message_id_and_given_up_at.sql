-- message_id: the Message-ID header every copy of a notification's mail carries, across retries and restarts,
-- so a receiver can drop the copies an unconfirmed send produces. Random 128 bits make it unique across
-- databases (new rows get a random UUID from the application; rows written before this migration get random
-- hex here). SQLite cannot add a NOT NULL column without a constant default, so the application keeps it
-- set, and the index keeps it unique.
ALTER TABLE notification ADD COLUMN message_id TEXT;

UPDATE notification SET message_id = '<' || lower(hex(randomblob(16))) || '@bms>' WHERE message_id IS NULL;

CREATE UNIQUE INDEX notification_message_id ON notification (message_id);

-- given_up_at: when a FAILED notification fell out of the retry window (bms.mail.give-up-after); it stays
-- FAILED and is not tried again.
ALTER TABLE notification ADD COLUMN given_up_at INTEGER;
