package org.bms.database;

import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens {@link TransactionSafeConnection}s on the database file. It never creates the file: a connection
 * opened after the file was deleted fails instead of starting an empty database in its place.
 */
final class TransactionSafeDataSource extends SQLiteDataSource {

    private final DatabaseFile file;

    TransactionSafeDataSource(SQLiteConfig config, DatabaseFile file) {
        super(config);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        this.file = file;
        setUrl("jdbc:sqlite:" + file.path());
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        return new TransactionSafeConnection(getUrl(), getConfig().toProperties(), file);
    }
}
