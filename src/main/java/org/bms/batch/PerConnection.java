package org.bms.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Statements prepared once on each of a snapshot's connections, lent to one chunk at a time: a task waits only
 * while every connection is busy with another chunk.
 */
final class PerConnection<S extends AutoCloseable> implements AutoCloseable {

    /** Prepares the statements on one connection. */
    @FunctionalInterface
    interface Preparation<S> {
        S prepare(Connection connection) throws SQLException;
    }

    /** Reads with the statements of one connection. */
    @FunctionalInterface
    interface Work<S, R> {
        R apply(S statements) throws SQLException;
    }

    private final BlockingQueue<S> idle;

    PerConnection(List<Connection> connections, Preparation<S> preparation) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(connections.size());
        for (Connection connection : connections) {
            idle.add(preparation.prepare(connection));
        }
    }

    /** Runs {@code work} on statements no other chunk is using meanwhile. */
    <R> R use(Work<S, R> work) {
        S statements = take();
        try {
            return work.apply(statements);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a chunk failed", e);
        } finally {
            idle.add(statements);
        }
    }

    private S take() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a snapshot connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (S statements : idle) {
            try {
                statements.close();
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException(e);
            }
        }
    }
}
