package org.bms.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * The active currencies of the snapshot. A plain {@code DISTINCT} would read the whole index; this hops
     * from one currency to the next, one index seek each.
     */
    static List<String> currencies(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        WITH RECURSIVE active(currency) AS (
                            SELECT min(currency) FROM account WHERE status = 'ACTIVE'
                            UNION ALL
                            SELECT (SELECT min(currency) FROM account
                                     WHERE status = 'ACTIVE' AND currency > active.currency)
                              FROM active WHERE active.currency IS NOT NULL)
                        SELECT currency FROM active WHERE currency IS NOT NULL""")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    /**
     * The smallest and largest id of an active account, or {@code null} when there is none. Two queries,
     * because SQLite answers a lone {@code min} or {@code max} with one index seek but scans for both at once.
     */
    static long[] activeIdRange(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            Long first = single(statement, "SELECT min(id) FROM account WHERE status = 'ACTIVE'");
            Long last = single(statement, "SELECT max(id) FROM account WHERE status = 'ACTIVE'");
            return first == null ? null : new long[] {first, last};
        }
    }

    private static Long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long value = row.getLong(1);
            return row.wasNull() ? null : value;
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
