package org.bms.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Opens several read-only connections that all see one and the same committed state of the database, so
 * that work split across threads reads one consistent snapshot.
 *
 * <p>In WAL mode a read transaction sees the database as of its first read, until it ends. Snapshots of
 * different connections match only if no commit lands between their first reads; so each first read is
 * made while this class holds the write lock (a {@code BEGIN IMMEDIATE} on the writer connection), which
 * no writer, in this process or another, can pass. The lock is held for the few milliseconds the pinning
 * takes, and released before any real work starts.
 */
public class SqliteSnapshots {

    private final DataSource writer;
    private final DataSource snapshotConnections;
    private final Clock clock;

    SqliteSnapshots(DataSource writer, DataSource snapshotConnections, Clock clock) {
        this.writer = writer;
        this.snapshotConnections = snapshotConnections;
        this.clock = clock;
    }

    /** Opens {@code count} connections pinned to the current committed state; close the snapshot when done. */
    public Snapshot open(int count) throws SQLException {
        List<Connection> pinned = new ArrayList<>(count);
        try (Connection lock = writer.getConnection()) {
            lock.setAutoCommit(false); // BEGIN IMMEDIATE: from here until rollback, nothing commits
            try {
                for (int i = 0; i < count; i++) {
                    pinned.add(pin(snapshotConnections.getConnection()));
                }
                return new Snapshot(List.copyOf(pinned), clock.instant());
            } finally {
                // Ends the empty write transaction and leaves the writer in auto-commit, as the pool lends it.
                lock.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            closeAll(pinned);
            throw e;
        }
    }

    private static Connection pin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // The first read starts the read transaction and fixes what it sees.
            statement.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        }
        return connection;
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // Closing is all that is left to do with it.
            }
        }
    }

    /** Connections that read one committed state, taken at {@code asOf}; closing ends their transactions. */
    public record Snapshot(List<Connection> connections, Instant asOf) implements AutoCloseable {

        @Override
        public void close() {
            closeAll(connections);
        }
    }
}
