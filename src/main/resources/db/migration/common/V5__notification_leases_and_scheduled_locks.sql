-- Several instances on one database. A notification being sent is claimed by one instance (claimed_by) until
-- lease_until, which that instance keeps renewing; once it runs out, another instance may take the mail over.
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE notification ADD COLUMN lease_until BIGINT;

-- ShedLock's table: scheduled work (mail sweeps) takes a named lock here, so one instance runs it at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
