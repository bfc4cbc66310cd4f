package org.bms.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lends the writer connection, but never one SQLite opened read-only while the file could not be written: once
 * the file is writable again, that connection is thrown away and a new one opened, so the first write after
 * the fault already succeeds.
 */
final class WriterConnections extends DelegatingDataSource {

    private final HikariDataSource pool;

    WriterConnections(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        if (connection.unwrap(TransactionSafeConnection.class).outlivedAnUnwritableFile()) {
            pool.evictConnection(connection);
            connection = pool.getConnection();
        }
        return connection;
    }
}
