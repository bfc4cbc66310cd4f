package org.bms.database;

/**
 * Where the data lives, as {@code bms.database.url} ({@code DATABASE_URL}) names it: a SQLite file, the default,
 * or a PostgreSQL server. Everything that differs between the two stays in this package.
 */
sealed interface DatabaseLocation permits SqliteFile, PostgresServer {

    /**
     * Reads the URL, with the credentials given beside it for a {@code jdbc:postgresql:} one.
     *
     * @throws IllegalArgumentException naming the setting, for a URL that names neither
     */
    static DatabaseLocation parse(String url, String username, String password) {
        String location = url.strip();
        if (PostgresServer.names(location)) {
            return PostgresServer.parse(location, username, password);
        }
        return SqliteFile.parse(location);
    }
}
