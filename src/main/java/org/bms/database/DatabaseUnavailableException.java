package org.bms.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database refused the work, whole: nothing of it was done, and the same request may succeed once the cause
 * is gone. Each {@link Reason} says what a client and an operator should know of the cause.
 */
public class DatabaseUnavailableException extends RuntimeException {

    /** Why the database could not do the work, and how soon a retry is worth it. */
    public enum Reason {
        /** The write lock stayed taken past {@code bms.database.lock-timeout}. */
        BUSY("The database is busy; retry in a moment.", Duration.ofSeconds(1)),
        /** The disk the database lives on is full. */
        FULL("The database's disk is full.", Duration.ofSeconds(30)),
        /** The database file cannot be written (read-only, permissions) or the disk failed. */
        UNWRITABLE("The database cannot be written to at the moment.", Duration.ofSeconds(30)),
        /** The file the service opened at start-up was deleted or replaced; only a restart can help. */
        FILE_GONE("The database file is gone; the service needs a restart.", Duration.ofSeconds(60)),
        /** The database server cannot be reached, or closed the connection. */
        UNREACHABLE("The database cannot be reached at the moment.", Duration.ofSeconds(5));

        private final String detail;
        private final Duration retryAfter;

        Reason(String detail, Duration retryAfter) {
            this.detail = detail;
            this.retryAfter = retryAfter;
        }

        public String detail() {
            return detail;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Reason reason;

    public DatabaseUnavailableException(Reason reason, Throwable cause) {
        super(reason.detail(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Why a failure, however it was wrapped on the way (by Hibernate, Spring's data access, a transaction or a
     * batch chunk), means the database refused the work rather than that something is broken; empty otherwise.
     */
    public static Optional<DatabaseUnavailableException> causeOf(Throwable failure) {
        // What SQLite said outranks a wrapper's general "timed out": a pool that waited for a connection it
        // could not open (the file unwritable) names the reason as its cause.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException known) {
                return Optional.of(known);
            }
            Optional<Reason> reason = reasonOf(cause);
            if (reason.isPresent()) {
                return Optional.of(new DatabaseUnavailableException(reason.get(), failure));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The writer pool's wait ran out, or Spring translated SQLite's busy error before we saw it.
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof PessimisticLockingFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return Optional.of(new DatabaseUnavailableException(Reason.BUSY, failure));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The connection broke: the pool closed it, and rolling back or committing on it failed in turn (the
            // server rolls back what a lost connection left open).
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException) {
                return Optional.of(new DatabaseUnavailableException(Reason.UNREACHABLE, failure));
            }
        }
        return Optional.empty();
    }

    private static Optional<Reason> reasonOf(Throwable cause) {
        if (cause instanceof DatabaseFileChangedException) {
            return Optional.of(Reason.FILE_GONE);
        }
        if (cause instanceof SQLiteException sqlite) {
            return reasonOf(SQLiteErrorCode.getErrorCode(sqlite.getErrorCode()));
        }
        if (cause instanceof SQLException server && server.getSQLState() != null) {
            return reasonOf(server.getSQLState());
        }
        return Optional.empty();
    }

    /**
     * A database server's SQLSTATE for a refusal (PostgreSQL's codes, most of them standard): the transaction lost
     * a race or waited too long, the server ran out of room, or it cannot be reached. Constraint violations and
     * errors in the SQL are not among them.
     */
    private static Optional<Reason> reasonOf(String sqlState) {
        return switch (sqlState) {
            // serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement timeout)
            case "40001", "40P01", "55P03", "57014" -> Optional.of(Reason.BUSY);
            // disk_full, out_of_memory, too_many_connections
            case "53100" -> Optional.of(Reason.FULL);
            case "53200", "53300" -> Optional.of(Reason.BUSY);
            // read_only_sql_transaction (a standby), io_error
            case "25006", "58030" -> Optional.of(Reason.UNWRITABLE);
            // admin_shutdown, crash_shutdown, cannot_connect_now, and every connection_exception (class 08)
            case "57P01", "57P02", "57P03" -> Optional.of(Reason.UNREACHABLE);
            default -> sqlState.startsWith("08") ? Optional.of(Reason.UNREACHABLE) : Optional.empty();
        };
    }

    /** SQLite's primary result codes for a refusal; constraint violations and SQL errors are not among them. */
    private static Optional<Reason> reasonOf(SQLiteErrorCode primary) {
        return switch (primary) {
            case SQLITE_BUSY, SQLITE_LOCKED -> Optional.of(Reason.BUSY);
            case SQLITE_FULL -> Optional.of(Reason.FULL);
            case SQLITE_READONLY,
                    SQLITE_IOERR,
                    SQLITE_CANTOPEN,
                    SQLITE_PERM,
                    SQLITE_NOLFS,
                    SQLITE_PROTOCOL,
                    SQLITE_CORRUPT,
                    SQLITE_NOTADB -> Optional.of(Reason.UNWRITABLE);
            default -> Optional.empty();
        };
    }
}
