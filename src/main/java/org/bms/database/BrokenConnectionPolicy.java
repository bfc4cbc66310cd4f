package org.bms.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Has a pool throw a connection away after any error SQLite reported but a constraint violation. SQLite reports
 * a busy lock, a full disk or an I/O error without the SQL states pools look for, so without this a connection
 * in an unknown state would serve the next transaction.
 *
 * <p>Not at once: the transaction that met the error still rolls back on that connection, and a connection
 * closed under it would fail the rollback and hide the error the client should hear of. The connection is marked
 * instead, closed when it goes back to the pool, and the next transaction starts on a fresh one. The driver's own
 * refusals (a feature it lacks, a misuse) leave the connection as it was and get the pool's usual judgement.
 */
final class BrokenConnectionPolicy implements SQLExceptionOverride {

    private volatile HikariDataSource pool;

    /** The pool this policy was given to, once it exists. */
    HikariDataSource watch(HikariDataSource pool) {
        this.pool = pool;
        return pool;
    }

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (failure instanceof SQLiteException sqlite
                && sqlite.getErrorCode() != SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            // Marks every connection the pool has lent, this one included, to be closed on return; idle ones go now.
            if (pool != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return Override.DO_NOT_EVICT;
        }
        // A duplicate number and the like, or a refused commit into a changed file: the connection is sound, and
        // a new one could not open the right file either.
        return failure instanceof SQLiteException || failure instanceof DatabaseFileChangedException
                ? Override.DO_NOT_EVICT
                : Override.CONTINUE_EVICT;
    }
}
