package org.bms.database;

import java.nio.file.Path;

/** The SQLite database file named by {@code bms.database.url}, in any of the spellings people use. */
record SqliteFile(Path path) {

    static SqliteFile parse(String url) {
        String location = url.strip();
        for (String prefix : new String[] {"jdbc:sqlite:", "sqlite:///", "sqlite:"}) {
            if (location.startsWith(prefix)) {
                location = location.substring(prefix.length());
                break;
            }
        }
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.isEmpty() || location.contains(":memory:") || location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("bms.database.url (DATABASE_URL) must name a SQLite file, e.g."
                    + " db.sqlite or jdbc:sqlite:/var/lib/bms/db.sqlite, but was '" + url + "'");
        }
        return new SqliteFile(Path.of(location).toAbsolutePath().normalize());
    }
}
