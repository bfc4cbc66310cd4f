package org.bms.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Connections that read one committed state, taken at {@code asOf}; closing ends their transactions.
 *
 * @param state the committed state they read, as {@link Snapshots#committedState()} names it
 */
public record Snapshot(List<Connection> connections, Instant asOf, String state) implements AutoCloseable {

    public Snapshot {
        connections = List.copyOf(connections);
    }

    @Override
    public void close() {
        closeAll(connections);
    }

    static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // Closing is all that is left to do with it.
            }
        }
    }
}
