package org.bms.database;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The SQLite database file named by {@code bms.database.url}, in any of the spellings people use. */
record SqliteFile(Path path) implements DatabaseLocation {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");

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
        if (location.isEmpty()
                || location.contains(":memory:")
                || SCHEME.matcher(location).find()) {
            // Another database's URL may hold a password: name only its scheme.
            var scheme = SCHEME.matcher(url.strip());
            String was = scheme.find() ? "a " + scheme.group(1) + ": URL" : "'" + url + "'";
            throw new IllegalArgumentException("bms.database.url (DATABASE_URL) must name a SQLite file, e.g."
                    + " db.sqlite or jdbc:sqlite:/var/lib/bms/db.sqlite, or a PostgreSQL database, e.g."
                    + " postgresql://user:password@host:5432/bms, but was " + was);
        }
        return new SqliteFile(Path.of(location).toAbsolutePath().normalize());
    }
}
