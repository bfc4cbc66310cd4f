package org.bms.database;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A PostgreSQL database, from {@code postgresql://user:password@host:5432/db} (user and password optional; also
 * {@code postgres://}) or {@code jdbc:postgresql://host:5432/db} with the credentials set beside it
 * ({@code DATABASE_USERNAME}, {@code DATABASE_PASSWORD}). Credentials in the URL win over those beside it.
 *
 * @param jdbcUrl the driver's URL, without credentials
 */
record PostgresServer(String jdbcUrl, String username, String password) implements DatabaseLocation {

    private static final String JDBC = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    static boolean names(String url) {
        return url.startsWith(JDBC) || url.startsWith("postgresql://") || url.startsWith("postgres://");
    }

    static PostgresServer parse(String url, String username, String password) {
        if (url.startsWith(JDBC)) {
            return new PostgresServer(url, emptyToNull(username), emptyToNull(password));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty() || database.contains("/")) {
            throw invalid(url);
        }
        String user = emptyToNull(username);
        String secret = emptyToNull(password);
        if (uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            user = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
            secret = colon < 0 ? secret : uri.getUserInfo().substring(colon + 1);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresServer(
                JDBC + "//" + uri.getHost() + ":" + port + "/" + database + query, emptyToNull(user), secret);
    }

    private static IllegalArgumentException invalid(String url) {
        // The URL may hold a password: name its shape, not its content.
        return new IllegalArgumentException("bms.database.url (DATABASE_URL) names PostgreSQL but is not of the form"
                + " postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return jdbcUrl + (username == null ? "" : " as " + username);
    }
}
