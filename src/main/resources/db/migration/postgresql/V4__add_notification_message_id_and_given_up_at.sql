-- message_id: the Message-ID header every copy of a notification's mail carries, across retries and restarts,
-- so a receiver can drop the copies an unconfirmed send produces (new rows get a random UUID from the
-- application).
ALTER TABLE notification ADD COLUMN message_id TEXT;

UPDATE notification SET message_id = '<' || md5(random()::text || id::text) || '@bms>' WHERE message_id IS NULL;

ALTER TABLE notification ALTER COLUMN message_id SET NOT NULL;

CREATE UNIQUE INDEX notification_message_id ON notification (message_id);

-- given_up_at: when a FAILED notification fell out of the retry window (bms.mail.give-up-after); it stays
-- FAILED and is not tried again.
ALTER TABLE notification ADD COLUMN given_up_at BIGINT;
