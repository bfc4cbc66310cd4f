package org.bms.account;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every account's stored balance beside the sum of its postings, and the outside world's postings, read straight
 * from the tables on a connection the caller holds (such as one of a consistent snapshot's): what the
 * reconciliation checks. Sums are exact: each amount is summed in two 32-bit halves, as {@link ActiveBalances}
 * does, so no chunk can overflow a 64-bit sum however the data was changed.
 */
public final class LedgerBalances {

    private static final int HALF = 32;
    private static final String HIGH = "SUM(amount_minor >> " + HALF + ")";
    private static final String LOW = "SUM(amount_minor & " + ((1L << HALF) - 1) + ")";

    private LedgerBalances() {}

    /** An account's currency, stored balance and the sum of its postings, all in minor units. */
    public record AccountCheck(long account, String currency, long balance, BigInteger postings) {

        public boolean matches() {
            return postings.equals(BigInteger.valueOf(balance));
        }
    }

    /** The sum of the outside world's postings of one currency over some movements, in minor units. */
    public record OutsideSum(String currency, BigInteger minorUnits) {}

    /** The smallest and largest id of any account, closed ones included; empty without accounts. */
    public static Optional<ActiveBalances.IdRange> accountIds(Connection connection) throws SQLException {
        return range(connection, "account");
    }

    /** The smallest and largest movement id; empty without movements. */
    public static Optional<ActiveBalances.IdRange> movementIds(Connection connection) throws SQLException {
        return range(connection, "movement");
    }

    /** Prepares the checks of account and movement id ranges on one connection. */
    public static Checks checks(Connection connection) throws SQLException {
        return new Checks(connection);
    }

    /** Prepared statements over id ranges, for one connection. */
    public static final class Checks implements AutoCloseable {

        private final PreparedStatement accounts;
        private final PreparedStatement movements;
        private final PreparedStatement outside;

        private Checks(Connection connection) throws SQLException {
            // Every account with the sum of its postings: one index range per account, from posting_account alone.
            this.accounts = connection.prepareStatement("SELECT a.id, a.currency, a.balance_minor,"
                    + " (SELECT " + HIGH + " FROM posting p WHERE p.account_id = a.id),"
                    + " (SELECT " + LOW + " FROM posting p WHERE p.account_id = a.id)"
                    + " FROM account a WHERE a.id >= ? AND a.id < ?");
            this.movements = connection.prepareStatement("SELECT count(*) FROM movement WHERE id >= ? AND id < ?");
            this.outside = connection.prepareStatement("SELECT currency, " + HIGH + ", " + LOW + " FROM posting"
                    + " WHERE account_id IS NULL AND movement_id >= ? AND movement_id < ? GROUP BY currency");
        }

        /** Each account with {@code fromId <= id < toId}. */
        public List<AccountCheck> accounts(long fromId, long toId) throws SQLException {
            accounts.setLong(1, fromId);
            accounts.setLong(2, toId);
            List<AccountCheck> checks = new ArrayList<>();
            try (ResultSet rows = accounts.executeQuery()) {
                while (rows.next()) {
                    checks.add(new AccountCheck(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getLong(3),
                            halves(rows.getLong(4), rows.getLong(5))));
                }
            }
            return checks;
        }

        /** How many movements have {@code fromId <= id < toId}. */
        public long movements(long fromId, long toId) throws SQLException {
            movements.setLong(1, fromId);
            movements.setLong(2, toId);
            try (ResultSet row = movements.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }

        /** The outside world's postings of the movements with {@code fromId <= id < toId}, per currency. */
        public List<OutsideSum> outside(long fromId, long toId) throws SQLException {
            outside.setLong(1, fromId);
            outside.setLong(2, toId);
            List<OutsideSum> sums = new ArrayList<>();
            try (ResultSet rows = outside.executeQuery()) {
                while (rows.next()) {
                    sums.add(new OutsideSum(rows.getString(1), halves(rows.getLong(2), rows.getLong(3))));
                }
            }
            return sums;
        }

        @Override
        public void close() throws SQLException {
            try (accounts;
                    movements;
                    outside) {
                // Closes all three, whichever fails.
            }
        }
    }

    private static BigInteger halves(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(HALF).add(BigInteger.valueOf(low));
    }

    /** Two queries, because SQLite answers a lone {@code min} or {@code max} with one seek but scans for both. */
    private static Optional<ActiveBalances.IdRange> range(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long first;
            try (ResultSet row = statement.executeQuery("SELECT min(id) FROM " + table)) {
                row.next();
                first = row.getLong(1);
                if (row.wasNull()) {
                    return Optional.empty();
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT max(id) FROM " + table)) {
                row.next();
                return Optional.of(new ActiveBalances.IdRange(first, row.getLong(1)));
            }
        }
    }
}
