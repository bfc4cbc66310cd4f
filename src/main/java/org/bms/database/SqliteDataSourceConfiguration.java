package org.bms.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.sqlite.SQLiteConfig;

/**
 * SQLite for a concurrent server. SQLite allows one writer at a time, so every read-write transaction runs
 * on a single writer connection and waits its turn in the pool's queue instead of failing with
 * {@code SQLITE_BUSY}; that connection also begins its transactions {@code IMMEDIATE}, taking the write
 * lock up front, so even another process cannot make it fail half-way. Read-only transactions go to a
 * small pool of reader connections, which WAL mode lets run beside the writer on a consistent snapshot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDatabase(SqliteFile.class)
class SqliteDataSourceConfiguration {

    @Bean
    DatabaseFile databaseFile(DatabaseProperties properties) {
        return DatabaseFile.open(((SqliteFile) properties.location()).path());
    }

    @Bean(defaultCandidate = false)
    HikariDataSource writerDataSource(DatabaseProperties properties, DatabaseFile file) {
        SQLiteConfig sqlite = baseConfig(properties);
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // The group commit's savepoints journal the pages they change; in memory, not in a temporary file each.
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        HikariConfig pool = pool("bms-writer", file, sqlite, properties);
        pool.setMaximumPoolSize(1);
        return start(pool);
    }

    @Bean(defaultCandidate = false)
    HikariDataSource readerDataSource(DatabaseProperties properties, DatabaseFile file) {
        SQLiteConfig sqlite = baseConfig(properties);
        // Honours Connection.setReadOnly per transaction, which is how read-only transactions reach this pool.
        sqlite.setExplicitReadOnly(true);
        HikariConfig pool = pool("bms-reader", file, sqlite, properties);
        pool.setMaximumPoolSize(properties.readers());
        pool.setReadOnly(true);
        pool.setInitializationFailTimeout(-1);
        return start(pool);
    }

    /** Routes each transaction by its read-only flag; the physical connection is taken at the first statement. */
    @Bean
    @Primary
    DataSource dataSource(
            @Qualifier("writerDataSource") HikariDataSource writer, @Qualifier("readerDataSource") DataSource reader) {
        var routing = new LazyConnectionDataSourceProxy(new WriterConnections(writer));
        routing.setReadOnlyDataSource(reader);
        routing.setDefaultAutoCommit(true);
        routing.setDefaultTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        return routing;
    }

    /** Plain JDBC for what JPA does not do (ShedLock's locks among it), with SQLite's constraint failures told apart. */
    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(new SqliteExceptionTranslator());
        return jdbc;
    }

    /** Consistent multi-connection reads; its connections are opened per use, read-only, outside the pools. */
    @Bean
    Snapshots snapshots(
            @Qualifier("writerDataSource") DataSource writer,
            DatabaseProperties properties,
            DatabaseFile file,
            Clock clock) {
        SQLiteConfig sqlite = baseConfig(properties);
        sqlite.setReadOnly(true);
        return new SqliteSnapshots(writer, new TransactionSafeDataSource(sqlite, file), file, clock);
    }

    /** The single writer commits many movements at once; see {@link GroupCommit}. */
    @Bean
    Transactions transactions(
            PlatformTransactionManager transactionManager,
            EntityManagerFactory entityManagerFactory,
            DatabaseProperties properties) {
        return new GroupCommit(
                transactionManager,
                SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
                properties.lockTimeout());
    }

    /**
     * What {@link GroupCommit} needs of the transaction manager: a refusal inside one piece (a {@code @Transactional}
     * service method that throws) rolls back that piece's savepoint instead of dooming the whole batch. A refusal
     * that reaches the outermost transaction still rolls it back.
     */
    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> piecesFailAlone() {
        return transactionManager -> transactionManager.setGlobalRollbackOnParticipationFailure(false);
    }

    private static SQLiteConfig baseConfig(DatabaseProperties properties) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.enforceForeignKeys(true);
        // FULL: a commit the client was told about survives power loss, not only a process crash.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout((int) properties.lockTimeout().toMillis());
        return sqlite;
    }

    private static HikariConfig pool(
            String name, DatabaseFile file, SQLiteConfig sqlite, DatabaseProperties properties) {
        var pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setDataSource(new TransactionSafeDataSource(sqlite, file));
        pool.setConnectionTimeout(properties.lockTimeout().toMillis());
        pool.setMinimumIdle(1);
        // SQLite connections are local files: nothing to keep alive or time out.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        return pool;
    }

    /** Starts a pool that throws connections away after SQLite errors ({@link BrokenConnectionPolicy}). */
    private static HikariDataSource start(HikariConfig config) {
        var policy = new BrokenConnectionPolicy();
        config.setExceptionOverride(policy);
        return policy.watch(new HikariDataSource(config));
    }
}
