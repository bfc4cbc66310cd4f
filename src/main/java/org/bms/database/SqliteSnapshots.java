package org.bms.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link Snapshots} on SQLite. In WAL mode a read transaction sees the database as of its first read, until it ends. Snapshots of
 * different connections match only if no commit lands between their first reads; so each first read is
 * made while this class holds the write lock (a {@code BEGIN IMMEDIATE} on the writer connection), which
 * no writer, in this process or another, can pass. The lock is held for the few milliseconds the pinning
 * takes, and released before any real work starts.
 */
final class SqliteSnapshots implements Snapshots {

    private final DataSource writer;
    private final DataSource snapshotConnections;
    private final DatabaseFile file;
    private final Clock clock;

    SqliteSnapshots(DataSource writer, DataSource snapshotConnections, DatabaseFile file, Clock clock) {
        this.writer = writer;
        this.snapshotConnections = snapshotConnections;
        this.file = file;
        this.clock = clock;
    }

    @Override
    public Snapshot open(int count) throws SQLException {
        List<Connection> pinned = new ArrayList<>(count);
        try (Connection lock = writer.getConnection()) {
            lock.setAutoCommit(false); // BEGIN IMMEDIATE: from here until rollback, nothing commits
            try {
                for (int i = 0; i < count; i++) {
                    pinned.add(pin(snapshotConnections.getConnection()));
                }
                // No commit can land while the lock is held, so the count names exactly what the snapshot holds.
                return new Snapshot(pinned, clock.instant(), committedState());
            } finally {
                // Ends the empty write transaction and leaves the writer in auto-commit, as the pool lends it.
                lock.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            Snapshot.closeAll(pinned);
            throw e;
        }
    }

    /**
     * This process's count of changing commits: every write goes through its one writer connection. Another process
     * writing into the same file is not counted (SQLite tells a connection only of other connections' commits), so
     * the count carries this process's name: a result another process kept against its own count never matches.
     */
    @Override
    public String committedState() {
        return file.commits();
    }

    private static Connection pin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // The first read starts the read transaction and fixes what it sees.
            statement.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        }
        return connection;
    }
}
