package org.bms.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * The prepared statements of one SQLite connection, kept compiled for their next use. SQLite compiles a statement
 * each time it is prepared, and JDBC users (Hibernate among them) prepare one for every execution: on the writer,
 * whose work is serial, that was a fifth of a transfer's time. sqlite-jdbc keeps nothing, and Hikari leaves statement
 * caching to the driver.
 *
 * <p>A kept statement is lent to one user at a time; closing it gives it back, reset to as it was prepared. While it
 * is lent, preparing the same SQL again compiles a statement of its own, which is closed for good when its user
 * closes it. The {@value #CAPACITY} most recently used statements are kept; the connection's close finalizes them.
 * A statement stays valid across schema changes: SQLite recompiles it by itself.
 */
final class KeptStatements {

    static final int CAPACITY = 128;

    private final SQLiteConnection connection;
    private final Map<String, KeptStatement> kept = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KeptStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().forget();
            return true;
        }
    };

    KeptStatements(SQLiteConnection connection) {
        this.connection = connection;
    }

    /** A statement for {@code sql}: the kept one if it is free, else a new one, kept if none is. */
    PreparedStatement prepare(String sql) throws SQLException {
        KeptStatement statement = kept.get(sql);
        if (statement != null && statement.lend()) {
            return statement;
        }
        var fresh = new KeptStatement(connection, sql, statement == null);
        if (statement == null) {
            kept.put(sql, fresh);
        }
        fresh.lend();
        return fresh;
    }

    /** Forgets every statement; called when the connection closes, which finalizes them all. */
    void clear() {
        kept.clear();
    }

    private final class KeptStatement extends JDBC4PreparedStatement {

        private boolean keep;
        private boolean lent;

        KeptStatement(SQLiteConnection connection, String sql, boolean keep) throws SQLException {
            super(connection, sql);
            this.keep = keep;
        }

        boolean lend() {
            if (lent) {
                return false;
            }
            lent = true;
            return true;
        }

        /** No longer kept: the next close is for good, and now if it is not lent. */
        void forget() {
            keep = false;
            if (!lent) {
                closeQuietly();
            }
        }

        @Override
        public void close() throws SQLException {
            if (!lent) {
                return;
            }
            lent = false;
            if (!keep || pointer.isClosed()) {
                kept.remove(sql, this);
                super.close();
                return;
            }
            // Back to as prepared: no rows, bindings, generated keys or limits left, and nothing held in SQLite.
            try {
                rs.close();
                clearGeneratedKeys();
                pointer.safeRunConsume(DB::reset);
                clearParameters();
                clearBatch();
                setMaxRows(0);
                setQueryTimeout(0);
            } catch (SQLException e) {
                kept.remove(sql, this);
                super.close();
                throw e;
            }
        }

        @Override
        public boolean isClosed() {
            return !lent || super.isClosed();
        }

        @Override
        public boolean isPoolable() {
            return true;
        }

        private void closeQuietly() {
            try {
                super.close();
            } catch (SQLException e) {
                // Finalizing a reset statement does not fail; and the connection's close finalizes it anyway.
            }
        }
    }
}
