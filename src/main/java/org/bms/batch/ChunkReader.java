package org.bms.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sums one chunk of accounts in SQL on one of the snapshot's connections. A chunk is {@code size}
 * consecutive account ids; the query reads only the covering index {@code account_active_balance}, one id
 * range per currency, so SQLite adds the balances without touching the table.
 */
final class ChunkReader implements AutoCloseable {

    private final BlockingQueue<PreparedStatement> statements;
    private final List<String> currencies;
    private final long firstId;
    private final int size;

    ChunkReader(List<Connection> snapshot, List<String> currencies, long firstId, int size) throws SQLException {
        this.currencies = currencies;
        this.firstId = firstId;
        this.size = size;
        this.statements = new ArrayBlockingQueue<>(snapshot.size());
        String placeholders =
                String.join(", ", currencies.stream().map(c -> "?").toList());
        String sql = "SELECT currency, SUM(balance_minor), count(*) FROM account"
                + " WHERE status = 'ACTIVE' AND currency IN (" + placeholders + ") AND id >= ? AND id < ?"
                + " GROUP BY currency";
        for (Connection connection : snapshot) {
            statements.add(connection.prepareStatement(sql));
        }
    }

    /** The active currencies of the snapshot, read from the index. */
    static List<String> currencies(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (var statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT DISTINCT currency FROM account WHERE status = 'ACTIVE'")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    /** The smallest and largest id of an active account, or {@code null} when there is none. */
    static long[] activeIdRange(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT min(id), max(id), count(*) FROM account WHERE status = 'ACTIVE'")) {
            row.next();
            return row.getLong(3) == 0 ? null : new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    /** Sums chunk {@code index}; blocks only while every connection is busy with another chunk. */
    Subtotals sum(long index) {
        PreparedStatement statement = take();
        try {
            int parameter = 1;
            for (String currency : currencies) {
                statement.setString(parameter++, currency);
            }
            statement.setLong(parameter++, firstId + index * size);
            statement.setLong(parameter, firstId + (index + 1) * size);
            var subtotals = new Subtotals();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    subtotals.add(rows.getString(1), rows.getLong(2), rows.getLong(3));
                }
            }
            return subtotals;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("integer overflow")) {
                throw new TotalOverflowException(null);
            }
            throw new IllegalStateException("Summing chunk " + index + " failed", e);
        } finally {
            statements.add(statement);
        }
    }

    private PreparedStatement take() {
        try {
            return statements.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a snapshot connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.close();
        }
    }
}
