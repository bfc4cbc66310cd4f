package org.bms.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * {@link Snapshots} on PostgreSQL: the first connection starts a {@code REPEATABLE READ} read-only transaction and
 * exports its snapshot ({@code pg_export_snapshot()}); every other one starts the same kind of transaction on that
 * very snapshot ({@code SET TRANSACTION SNAPSHOT}), so all of them see what was committed when the first began,
 * whatever commits later, on this instance or another.
 *
 * <p>The connections come from the service's pool. One snapshot is opened at a time, so two of them can never each
 * hold part of their connections while waiting for the rest.
 */
final class PostgresSnapshots implements Snapshots {

    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");
    /**
     * A snapshot's own description: the oldest transaction still running, the next to start and those in between
     * still running. Two snapshots with the same one see the same committed transactions, whichever instance
     * committed them.
     */
    private static final String STATE = "pg_current_snapshot()::text";

    private final DataSource pool;
    private final ReentrantLock opening = new ReentrantLock();

    PostgresSnapshots(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Snapshot open(int count) throws SQLException {
        List<Connection> connections = new ArrayList<>(count);
        opening.lock();
        try {
            Connection exporter = begin(pool.getConnection(), connections);
            String id;
            Instant asOf;
            String state;
            try (Statement statement = exporter.createStatement();
                    ResultSet row =
                            statement.executeQuery("SELECT pg_export_snapshot(), transaction_timestamp(), " + STATE)) {
                row.next();
                id = row.getString(1);
                asOf = row.getTimestamp(2).toInstant();
                state = row.getString(3);
            }
            if (!SNAPSHOT_ID.matcher(id).matches()) {
                throw new SQLException("Unexpected snapshot id from PostgreSQL: " + id);
            }
            for (int i = 1; i < count; i++) {
                Connection connection = begin(pool.getConnection(), connections);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION SNAPSHOT '" + id + "'");
                }
            }
            return new Snapshot(connections, asOf, state);
        } catch (SQLException | RuntimeException e) {
            Snapshot.closeAll(connections);
            throw e;
        } finally {
            opening.unlock();
        }
    }

    @Override
    public String committedState() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + STATE)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Readies a connection for a read-only repeatable-read transaction, which its first statement begins. */
    private static Connection begin(Connection connection, List<Connection> opened) throws SQLException {
        opened.add(connection);
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return connection;
    }
}
