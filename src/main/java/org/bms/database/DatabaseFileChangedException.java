package org.bms.database;

import java.nio.file.Path;
import java.sql.SQLException;

/** A commit was refused because the database file it would land in is no longer the one the service opened. */
class DatabaseFileChangedException extends SQLException {

    DatabaseFileChangedException(Path path, String what) {
        super("The database file " + path + " " + what + " since start-up; the write was rolled back");
    }
}
