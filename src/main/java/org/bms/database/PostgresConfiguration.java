package org.bms.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * PostgreSQL: one pool per instance, any number of instances on one database. The server takes care of
 * concurrent writers itself; a write waits at most {@code bms.database.lock-timeout} for a connection or a row
 * lock before the request is refused with 503. The server must answer at start-up (Flyway brings the schema up to
 * date); one that goes away later makes requests 503 and readiness DOWN until it is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDatabase(PostgresServer.class)
class PostgresConfiguration {

    @Bean
    HikariDataSource dataSource(DatabaseProperties properties) {
        var server = (PostgresServer) properties.location();
        var pool = new HikariConfig();
        pool.setPoolName("bms");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(properties.poolSize());
        // Connections beyond the first are opened as load needs them and closed after ten idle minutes, so a
        // quiet instance does not hold a share of the server's connection limit.
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(properties.lockTimeout().toMillis());
        // A row lock another instance holds is waited for as long as a free connection, then refused (55P03).
        pool.setConnectionInitSql(
                "SET lock_timeout = " + properties.lockTimeout().toMillis());
        return new HikariDataSource(pool);
    }

    @Bean
    Snapshots snapshots(DataSource dataSource) {
        return new PostgresSnapshots(dataSource);
    }

    /** {@code database}: the server answers a query within two seconds. */
    @Bean
    HealthIndicator databaseHealthIndicator(DataSource dataSource) {
        return new ServerHealthIndicator(dataSource);
    }

    /** Each movement in a transaction of its own: the server commits many at once by itself. */
    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SingleTransactions(transactionManager);
    }
}
