package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/** JDBC's idea of the transaction always matches SQLite's, whatever failed on the way. */
class TransactionSafeConnectionTest {

    @TempDir
    Path directory;

    private Path path;
    private DatabaseFile file;

    @BeforeEach
    void createDatabase() throws SQLException {
        path = directory.resolve("db.sqlite");
        file = DatabaseFile.open(path);
        try (Connection setup = other();
                Statement statement = setup.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE entry (value INTEGER)");
        }
    }

    @Test
    void aBeginRefusedOnABusyLockLeavesNoTransactionBehind() throws SQLException {
        try (Connection writer = writer();
                Connection holder = other();
                Statement lock = holder.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> writer.setAutoCommit(false))
                    .isInstanceOf(SQLiteException.class)
                    .hasMessageContaining("SQLITE_BUSY");
            assertThat(writer.getAutoCommit()).as("still in auto-commit").isTrue();
            lock.execute("ROLLBACK");

            // The next transaction is a real one: what it wrote goes away with its rollback.
            writer.setAutoCommit(false);
            insert(writer, 1);
            writer.rollback();
            writer.setAutoCommit(true);
            assertThat(count()).isZero();
        }
    }

    @Test
    void aCommitReleasesTheWriteLockAndLeavesNoneTaken() throws SQLException {
        try (Connection writer = writer();
                Connection other = other();
                Statement next = other.createStatement()) {
            writer.setAutoCommit(false);
            insert(writer, 1);
            writer.commit();
            // sqlite-jdbc alone would hold the lock again here, in a BEGIN IMMEDIATE right after the COMMIT.
            next.execute("BEGIN IMMEDIATE");
            next.execute("ROLLBACK");
            writer.setAutoCommit(true);
        }
        assertThat(count()).isOne();
    }

    @Test
    void aCommitIntoADeletedFileIsRefusedAndRolledBack() throws Exception {
        try (Connection writer = writer()) {
            writer.setAutoCommit(false);
            insert(writer, 1);
            Path kept = directory.resolve("kept.sqlite");
            Files.move(path, kept);
            assertThatThrownBy(writer::commit)
                    .isInstanceOf(DatabaseFileChangedException.class)
                    .hasMessageContaining("was deleted");
            assertThat(writer.getAutoCommit()).isTrue();
            // The pool, which saw the transaction begin and not end, rolls back on its way out: nothing to undo.
            writer.rollback();
            Files.move(kept, path);
        }
        assertThat(count()).isZero();
    }

    @Test
    void aRollbackOutsideAnyTransactionIsStillRefused() throws SQLException {
        try (Connection writer = writer()) {
            assertThatThrownBy(writer::rollback).hasMessageContaining("auto-commit");
            writer.setAutoCommit(false);
            writer.commit();
            writer.setAutoCommit(true);
            assertThatThrownBy(writer::rollback).hasMessageContaining("auto-commit");
        }
    }

    @Test
    void aTransactionThatOnlyReadCommitsWhateverBecameOfTheFile() throws Exception {
        try (Connection writer = writer()) {
            writer.setAutoCommit(false);
            count(writer);
            Files.move(path, directory.resolve("kept.sqlite"));
            writer.commit();
            writer.setAutoCommit(true);
        }
    }

    private Connection writer() throws SQLException {
        var config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(100);
        return new TransactionSafeDataSource(config, file).getConnection();
    }

    private Connection other() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path);
    }

    private static void insert(Connection connection, int value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO entry VALUES (" + value + ")");
        }
    }

    private long count() throws SQLException {
        try (Connection reader = other()) {
            return count(reader);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
