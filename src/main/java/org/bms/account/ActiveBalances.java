package org.bms.account;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The balances of active accounts, read straight from the account table on a connection the caller holds
 * (such as one of a consistent snapshot's). Every query is answered from the covering index
 * {@code account_active_balance (status, currency, id, balance_minor)} without touching the table. The SQL is
 * standard and shaped for SQLite's planner; PostgreSQL runs it as written, from the same index.
 */
public final class ActiveBalances {

    private ActiveBalances() {}

    /** The smallest and largest id of an active account. */
    public record IdRange(long first, long last) {}

    /**
     * The id range of the active accounts, if there are any. Two queries, because SQLite answers a lone
     * {@code min} or {@code max} with one index seek but scans the index for both at once.
     */
    public static Optional<IdRange> idRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Long first = single(statement, "SELECT min(id) FROM account WHERE status = 'ACTIVE'");
            Long last = single(statement, "SELECT max(id) FROM account WHERE status = 'ACTIVE'");
            return first == null ? Optional.empty() : Optional.of(new IdRange(first, last));
        }
    }

    /**
     * The currencies of the active accounts. A plain {@code DISTINCT} would read the whole index; this hops
     * from one currency to the next, one index seek each.
     */
    public static List<String> currencies(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
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

    /** Prepares the per-currency sum of an id range, for the currencies given, on one connection. */
    public static RangeSum rangeSum(Connection connection, List<String> currencies) throws SQLException {
        return new RangeSum(connection, currencies);
    }

    /**
     * A prepared per-currency sum over an id range: one {@code UNION ALL} branch per currency, each a single seek
     * into the covering index, so SQLite neither groups nor sorts (a {@code GROUP BY} costs it a fifth more). Exact
     * whatever the balances: a chunk is summed with one plain {@code SUM} a row, and only a chunk whose sum passes 64
     * bits (SQLite then fails with "integer overflow", as 93 of the largest two-decimal balances already do;
     * PostgreSQL sums {@code bigint} as {@code numeric} and never does) is summed again in two 32-bit halves, high and
     * low, which no chunk of at most {@value #MAX_ROWS} ids can overflow.
     */
    public static final class RangeSum implements AutoCloseable {

        /** The most ids one sum may cover: the sum of either half then stays below 2^62. */
        public static final int MAX_ROWS = 1 << 30;

        private static final int HALF = 32;

        private final Connection connection;
        private final List<String> currencies;
        private final String plainSql;
        private final PreparedStatement halves;
        private PreparedStatement plain;

        private RangeSum(Connection connection, List<String> currencies) throws SQLException {
            this.connection = connection;
            this.currencies = List.copyOf(currencies);
            this.plainSql = perCurrency("count(*), SUM(balance_minor)");
            this.plain = connection.prepareStatement(plainSql);
            this.halves = connection.prepareStatement(perCurrency(
                    "count(*), SUM(balance_minor >> " + HALF + "), SUM(balance_minor & " + ((1L << HALF) - 1) + ")"));
        }

        /** The aggregates for each currency, labelled with its code; a currency without accounts gives a count of 0. */
        private String perCurrency(String aggregates) {
            String branch = "SELECT ?, " + aggregates
                    + " FROM account WHERE status = 'ACTIVE' AND currency = ? AND id >= ? AND id < ?";
            return String.join(" UNION ALL ", Collections.nCopies(currencies.size(), branch));
        }

        /** Sums the active accounts with {@code fromId <= id < toId}, at most {@link #MAX_ROWS} ids. */
        public List<CurrencyTotal> sum(long fromId, long toId) throws SQLException {
            if (toId - fromId > MAX_ROWS) {
                throw new IllegalArgumentException("At most " + MAX_ROWS + " ids per sum, not " + (toId - fromId));
            }
            try {
                return read(plain, fromId, toId, rows -> rows.getBigDecimal(3).toBigIntegerExact());
            } catch (SQLException failed) {
                if (!String.valueOf(failed.getMessage()).contains("integer overflow")) {
                    throw failed;
                }
                // SQLite finalizes a statement that failed; the next chunk gets a new one.
                plain.close();
                plain = connection.prepareStatement(plainSql);
                return read(
                        halves,
                        fromId,
                        toId,
                        rows -> BigInteger.valueOf(rows.getLong(3))
                                .shiftLeft(HALF)
                                .add(BigInteger.valueOf(rows.getLong(4))));
            }
        }

        /** How a row's sum in minor units is read. */
        @FunctionalInterface
        private interface MinorUnits {
            BigInteger of(ResultSet row) throws SQLException;
        }

        private List<CurrencyTotal> read(PreparedStatement statement, long fromId, long toId, MinorUnits minorUnits)
                throws SQLException {
            List<CurrencyTotal> subtotals = new ArrayList<>(currencies.size());
            try (ResultSet rows = bound(statement, fromId, toId).executeQuery()) {
                while (rows.next()) {
                    long accounts = rows.getLong(2);
                    if (accounts > 0) {
                        subtotals.add(CurrencyTotal.ofMinorUnits(rows.getString(1), minorUnits.of(rows), accounts));
                    }
                }
            }
            return subtotals;
        }

        private PreparedStatement bound(PreparedStatement statement, long fromId, long toId) throws SQLException {
            int parameter = 1;
            for (String currency : currencies) {
                statement.setString(parameter++, currency);
                statement.setString(parameter++, currency);
                statement.setLong(parameter++, fromId);
                statement.setLong(parameter++, toId);
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            try {
                plain.close();
            } finally {
                halves.close();
            }
        }
    }

    private static Long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long value = row.getLong(1);
            return row.wasNull() ? null : value;
        }
    }
}
