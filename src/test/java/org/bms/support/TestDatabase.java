package org.bms.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The test suite's one switch between databases: with {@code BMS_TEST_DATABASE=postgresql} in the environment,
 * every application a test starts (test contexts and {@code SpringApplication.run} alike, in this JVM) gets a
 * PostgreSQL database on the machine's server in place of the SQLite file it names. The database's name comes
 * from the file's, so a test that restarts the service on "the same file" finds its data again, and two files
 * never share a database. Without the switch nothing changes.
 *
 * <p>Databases are created on first use and left for inspection; {@code .ci/run} drops them before a run.
 */
public final class TestDatabase implements EnvironmentPostProcessor {

    public static final String SWITCH = "BMS_TEST_DATABASE";
    public static final String POSTGRESQL = "postgresql";
    static final String SERVER = "127.0.0.1:5432";
    static final String PREFIX = "bms_test_";
    private static final String DUPLICATE_DATABASE = "42P04";

    /** Whether this run's tests use PostgreSQL. */
    public static boolean isPostgres() {
        return POSTGRESQL.equalsIgnoreCase(System.getenv(SWITCH));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isPostgres()) {
            return;
        }
        String url = environment.getProperty("bms.database.url");
        if (url == null || (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !url.startsWith("sqlite:"))) {
            // PostgreSQL already, or a URL a test gives to see it refused.
            return;
        }
        String database = databaseFor(url);
        Map<String, Object> replacement = new HashMap<>();
        replacement.put("bms.database.url", "postgresql://postgres@" + SERVER + "/" + database);
        if (!StringUtils.hasText(environment.getProperty("bms.jwt.secret-file"))) {
            // On PostgreSQL the generated secret would go to the working directory, the project's own checkout.
            Path directory =
                    sqliteFile(url).getParent() != null ? sqliteFile(url).getParent() : Path.of("target");
            replacement.put(
                    "bms.jwt.secret-file", directory.resolve(database + ".key").toString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("bms-test-database", replacement));
    }

    /** The PostgreSQL database standing in for a SQLite file, created if it does not exist yet. */
    public static String databaseFor(String sqliteUrl) {
        String name = PREFIX
                + sha256(sqliteFile(sqliteUrl).toAbsolutePath().normalize().toString())
                        .substring(0, 24);
        try (Connection server =
                        DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
                Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return name;
            }
            throw new IllegalStateException("Cannot create the test database " + name + " on " + SERVER, e);
        }
        return name;
    }

    private static Path sqliteFile(String sqliteUrl) {
        return Path.of(sqliteUrl.replaceFirst("^(jdbc:sqlite:|sqlite:///|sqlite:)", ""));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
