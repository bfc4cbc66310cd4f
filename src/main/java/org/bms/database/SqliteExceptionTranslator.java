package org.bms.database;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.sqlite.SQLiteException;

/**
 * Spring's exceptions for SQLite's constraint failures. SQLite sets no SQLState and sqlite-jdbc reports every
 * constraint failure under the one error code 19, so Spring's own translation leaves them all uncategorized; the
 * extended result code tells them apart. A duplicate key must be a {@link DuplicateKeyException}: ShedLock takes a
 * lock whose row is already there (from an earlier run) by failing to insert it first, and updating it then.
 */
final class SqliteExceptionTranslator extends AbstractFallbackSQLExceptionTranslator {

    SqliteExceptionTranslator() {
        setFallbackTranslator(new SQLExceptionSubclassTranslator());
    }

    @Override
    protected DataAccessException doTranslate(String task, String sql, SQLException failure) {
        if (!(failure instanceof SQLiteException sqlite)) {
            return null;
        }
        String message = buildMessage(task, sql, failure);
        return switch (sqlite.getResultCode()) {
            case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE -> new DuplicateKeyException(message, failure);
            case SQLITE_CONSTRAINT,
                    SQLITE_CONSTRAINT_CHECK,
                    SQLITE_CONSTRAINT_FOREIGNKEY,
                    SQLITE_CONSTRAINT_NOTNULL,
                    SQLITE_CONSTRAINT_TRIGGER -> new DataIntegrityViolationException(message, failure);
            default -> null;
        };
    }
}
