package org.bms.database;

import java.util.function.Supplier;

/**
 * Runs the service's writes that must be atomic with more than one statement (a movement with its postings and its
 * idempotency key) in read-write transactions, the way the database does best: on PostgreSQL each in a transaction
 * of its own, run again when the server undid it for losing a race; on SQLite, whose single writer commits one
 * transaction at a time, many at once in one transaction ({@link GroupCommit}).
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction: committed before this returns, and rolled back (with nothing of it left)
     * when it throws, which this then throws too.
     */
    <T> T execute(Supplier<T> work);
}
