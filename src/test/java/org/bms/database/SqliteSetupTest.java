package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SQLite file is set up for a concurrent server, and transactions reach the right connections. */
@SpringBootTest
@TestPropertySource(
        properties = {"bms.database.url=target/test-db/setup-${random.uuid}.sqlite", "LOG_PATH=target/test-logs"})
@SqliteOnly
class SqliteSetupTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("readerDataSource")
    private HikariDataSource readers;

    @Autowired
    @Qualifier("writerDataSource")
    private HikariDataSource writer;

    @Test
    void theDatabaseRunsInWalModeWithFullSyncForeignKeysAndABusyTimeout() {
        inWriteTransaction(() -> {
            assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
            assertThat(jdbc.queryForObject("PRAGMA synchronous", Integer.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("PRAGMA busy_timeout", Integer.class))
                    .isEqualTo(30_000);
        });
    }

    @Test
    void thereIsExactlyOneWriterConnection() {
        assertThat(writer.getMaximumPoolSize()).isEqualTo(1);
    }

    @Test
    void readOnlyTransactionsRunOnTheReaderPoolAndCannotWrite() {
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                    .isNotNull();
            assertThat(readers.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
            assertThatThrownBy(() -> jdbc.update("DELETE FROM account")).hasMessageContaining("readonly");
        });
    }

    @Test
    void theDatabaseAndItsJournalFilesAreTheOwnersOnly(@Autowired DatabaseFile file) throws IOException {
        inWriteTransaction(() -> jdbc.update("UPDATE account SET name = name WHERE id = -1"));
        Path database = file.path();
        for (Path created : List.of(database, Path.of(database + "-wal"), Path.of(database + "-shm"))) {
            assertThat(Files.getPosixFilePermissions(created))
                    .as(created.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void flywayOwnsTheSchema() {
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'", Integer.class);
        assertThat(applied).isEqualTo(1);
    }

    private void inWriteTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }
}
