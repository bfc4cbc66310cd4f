package org.bms.database;

import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A SQLite connection whose JDBC transaction state always matches SQLite's own.
 *
 * <p>sqlite-jdbc marks a connection as inside a transaction before its {@code BEGIN} has run, and begins the
 * next transaction, {@code IMMEDIATE} on the writer, right after every {@code COMMIT} and {@code ROLLBACK}.
 * So a {@code BEGIN} that failed (the lock held past the busy timeout, a full disk) left a connection that
 * believed it was in a transaction SQLite never started: every later statement committed on its own and
 * every {@code COMMIT} failed after the fact. And a {@code COMMIT} that succeeded was reported as failed
 * whenever the {@code BEGIN IMMEDIATE} after it found the lock taken by another process.
 *
 * <p>Here a transaction is entered only once its {@code BEGIN} succeeded; after {@code COMMIT} or
 * {@code ROLLBACK} the connection rests in a {@code DEFERRED} transaction, which takes no lock and so cannot
 * fail, until auto-commit is switched back on (Spring does so after every transaction). A commit that wrote
 * anything first makes sure the database file is still the one the service opened, and is counted after
 * ({@link DatabaseFile#commits()}).
 *
 * <p>Its prepared statements are compiled once and {@link KeptStatements kept} for reuse.
 */
final class TransactionSafeConnection extends JDBC4Connection {

    private final DatabaseFile file;
    private final boolean openedUnwritable;
    private final KeptStatements statements = new KeptStatements(this);
    private long changesAtBegin;
    private boolean endedByFailure;

    TransactionSafeConnection(String url, Properties properties, DatabaseFile file) throws SQLException {
        super(url, file.path().toString(), properties);
        this.file = file;
        // SQLite quietly opens a file it may not write read-only, and the connection stays so for good.
        this.openedUnwritable = !Files.isWritable(file.path());
    }

    /** Whether this connection could not write when it was opened but a new one could now. */
    boolean outlivedAnUnwritableFile() {
        return openedUnwritable && Files.isWritable(file.path());
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkOpen();
        checkCursor(type, concurrency, holdability);
        return statements.prepare(sql);
    }

    @Override
    public void close() throws SQLException {
        statements.clear();
        super.close();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        SQLiteConnectionConfig config = getConnectionConfig();
        if (config.isAutoCommit() == autoCommit) {
            return;
        }
        if (autoCommit) {
            // JDBC commits the open transaction here; after commit() or rollback() it is the empty resting one.
            finish("commit;");
            config.setAutoCommit(true);
            setCurrentTransactionMode(null);
        } else {
            // If BEGIN fails, nothing began: the connection stays in auto-commit, as it was.
            getDatabase().exec(transactionPrefix(), false);
            config.setAutoCommit(false);
            started(config.getTransactionMode());
        }
    }

    @Override
    public void commit() throws SQLException {
        requireTransaction();
        finish("commit;");
        rest();
    }

    @Override
    public void rollback() throws SQLException {
        if (endedByFailure && getConnectionConfig().isAutoCommit()) {
            // A failed COMMIT already rolled the transaction back and left it; the pool and Spring, which saw the
            // transaction begin but not end, roll back once more on their way out. There is nothing left to undo.
            return;
        }
        requireTransaction();
        try {
            getDatabase().exec("rollback;", false);
        } catch (SQLException e) {
            // SQLite rolls a transaction back by itself after some failures (a full disk, an I/O error).
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                leaveTransaction();
                throw e;
            }
        }
        rest();
    }

    /** Ends the transaction with {@code sql}; if that fails, nothing of it stays and the connection is idle. */
    private void finish(String sql) throws SQLException {
        boolean changed = getDatabase().total_changes() != changesAtBegin;
        try {
            if (changed) {
                file.verifyUnchanged();
            }
            getDatabase().exec(sql, false);
        } catch (SQLException e) {
            leaveTransaction();
            throw e;
        }
        if (changed && sql.startsWith("commit")) {
            file.committed();
        }
    }

    /** After a failed end: roll back whatever is still open, and let JDBC's state say there is no transaction. */
    private void leaveTransaction() {
        endedByFailure = true;
        try {
            getDatabase().exec("rollback;", false);
        } catch (SQLException alreadyOver) {
            // No transaction was left open, which is what this wants.
        }
        getConnectionConfig().setAutoCommit(true);
        setCurrentTransactionMode(null);
    }

    private void rest() throws SQLException {
        getDatabase().exec("begin deferred;", false);
        started(TransactionMode.DEFERRED);
    }

    private void started(TransactionMode mode) throws SQLException {
        endedByFailure = false;
        setCurrentTransactionMode(mode);
        setFirstStatementExecuted(false);
        changesAtBegin = getDatabase().total_changes();
    }

    private void requireTransaction() throws SQLException {
        checkOpen();
        if (getConnectionConfig().isAutoCommit()) {
            throw new SQLException("database in auto-commit mode");
        }
    }
}
