package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** A connection's prepared statements are compiled once and lent again, each time as good as new. */
class KeptStatementsTest {

    private static final String SELECT = "SELECT value FROM entry WHERE id = ?";

    @TempDir
    Path directory;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = new TransactionSafeDataSource(
                        new SQLiteConfig(), DatabaseFile.open(directory.resolve("db.sqlite")))
                .getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, value TEXT)");
            statement.execute("INSERT INTO entry VALUES (1, 'one'), (2, 'two')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aClosedStatementIsLentAgainInsteadOfCompiledAgain() throws SQLException {
        PreparedStatement first = connection.prepareStatement(SELECT);
        assertThat(valueOf(first, 1)).isEqualTo("one");
        first.close();
        assertThat(first.isClosed()).isTrue();

        PreparedStatement second = connection.prepareStatement(SELECT);
        assertThat(second).isSameAs(first);
        assertThat(second.isClosed()).isFalse();
        assertThat(valueOf(second, 2)).isEqualTo("two");
        second.close();
    }

    @Test
    void aStatementStillLentIsNotLentTwice() throws SQLException {
        try (PreparedStatement outer = connection.prepareStatement(SELECT)) {
            outer.setLong(1, 1);
            try (ResultSet open = outer.executeQuery()) {
                open.next();
                try (PreparedStatement inner = connection.prepareStatement(SELECT)) {
                    assertThat(inner).isNotSameAs(outer);
                    assertThat(valueOf(inner, 2)).isEqualTo("two");
                }
                assertThat(open.getString(1)).as("the outer rows are untouched").isEqualTo("one");
            }
        }
        // The one compiled beside the kept one was closed for good; the kept one is lent again.
        PreparedStatement again = connection.prepareStatement(SELECT);
        assertThat(valueOf(again, 1)).isEqualTo("one");
        again.close();
    }

    @Test
    void aStatementComesBackWithoutItsParametersRowsOrLimits() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT value FROM entry WHERE id >= ? ORDER BY id");
        statement.setMaxRows(1);
        statement.setLong(1, 1);
        ResultSet rows = statement.executeQuery();
        assertThat(rows.next()).isTrue();
        statement.close();

        PreparedStatement again = connection.prepareStatement("SELECT value FROM entry WHERE id >= ? ORDER BY id");
        assertThat(again).isSameAs(statement);
        assertThat(again.getMaxRows()).isZero();
        assertThat(values(again.executeQuery()))
                .as("the earlier binding is gone")
                .isEmpty();
        again.setLong(1, 1);
        assertThat(values(again.executeQuery())).containsExactly("one", "two");
        again.close();
    }

    @Test
    void aKeptStatementHoldsNoReadOfTheDatabaseOnceGivenBack() throws SQLException {
        PreparedStatement reader = connection.prepareStatement("SELECT value FROM entry");
        ResultSet rows = reader.executeQuery();
        assertThat(rows.next()).isTrue();
        reader.close();

        // A statement left mid-read would keep SQLite from dropping the table.
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE entry");
        }
    }

    @Test
    void aKeptStatementFollowsTheSchemaAsItChanges() throws SQLException {
        assertThat(valueOf(reused(SELECT), 1)).isEqualTo("one");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE entry ADD COLUMN note TEXT");
            statement.execute("UPDATE entry SET value = 'uno' WHERE id = 1");
        }
        assertThat(valueOf(reused(SELECT), 1)).isEqualTo("uno");
    }

    @Test
    void onlyTheMostRecentlyUsedStatementsAreKept() throws SQLException {
        List<PreparedStatement> first = new ArrayList<>();
        for (int i = 0; i <= KeptStatements.CAPACITY; i++) {
            PreparedStatement statement = connection.prepareStatement("SELECT " + i);
            statement.executeQuery().close();
            statement.close();
            first.add(statement);
        }
        // The eldest was finalized to make room; the newest is still kept.
        assertThat(connection.prepareStatement("SELECT 0")).isNotSameAs(first.get(0));
        assertThat(connection.prepareStatement("SELECT " + KeptStatements.CAPACITY))
                .isSameAs(first.get(KeptStatements.CAPACITY));
    }

    @Test
    void theConnectionsCloseFinalizesItsKeptStatements() throws SQLException {
        PreparedStatement statement = connection.prepareStatement(SELECT);
        statement.close();
        connection.close();
        assertThatThrownBy(() -> statement.setLong(1, 1)).isInstanceOf(SQLException.class);
    }

    private PreparedStatement reused(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.close();
        PreparedStatement again = connection.prepareStatement(sql);
        assertThat(again).isSameAs(statement);
        return again;
    }

    private static String valueOf(PreparedStatement statement, long id) throws SQLException {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
            List<String> values = values(rows);
            assertThat(values).hasSize(1);
            return values.get(0);
        } finally {
            statement.close();
        }
    }

    private static List<String> values(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(1));
        }
        return values;
    }
}
