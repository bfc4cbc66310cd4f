package org.bms.database;

import java.sql.SQLTransientConnectionException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The database stayed locked past {@code bms.database.lock-timeout}: nothing was done, and a retry may work. */
public class DatabaseBusyException extends RuntimeException {

    public DatabaseBusyException(Throwable cause) {
        super("The database is busy", cause);
    }

    /**
     * Whether a failure means "the database was busy" rather than "something is broken": the writer pool's
     * wait ran out, or SQLite itself reported a lock it could not get within its busy timeout.
     */
    public static boolean isBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseBusyException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof PessimisticLockingFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite
                    && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED)) {
                return true;
            }
        }
        return false;
    }
}
