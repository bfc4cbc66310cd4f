package org.bms.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives and how long a request may wait for it.
 *
 * @param url a SQLite file ({@code db.sqlite}, {@code jdbc:sqlite:path}, {@code sqlite:///path}) or a PostgreSQL
 *     database ({@code postgresql://user:password@host:5432/db}, {@code jdbc:postgresql://host:5432/db}); the
 *     environment's {@code DATABASE_URL}
 * @param username for a {@code jdbc:postgresql:} URL ({@code DATABASE_USERNAME})
 * @param password for a {@code jdbc:postgresql:} URL ({@code DATABASE_PASSWORD})
 * @param readers on SQLite, how many connections serve read-only transactions next to the single writer
 * @param poolSize on PostgreSQL, how many connections this instance holds at most
 * @param lockTimeout how long a write waits for its turn (a lock, a connection) before the request fails with 503
 * @param minFreeSpace free space below which the disks of the database and the logs report DOWN
 */
@Validated
@ConfigurationProperties("bms.database")
public record DatabaseProperties(
        @NotBlank String url,
        String username,
        String password,
        @DefaultValue("4") @Min(1) @Max(64) int readers,
        @DefaultValue("10") @Min(2) @Max(500) int poolSize,
        @DefaultValue("30s") Duration lockTimeout,
        @DefaultValue("10MB") DataSize minFreeSpace) {

    public DatabaseProperties {
        if (url != null && !url.isBlank()) {
            // Refuse a URL that names no database while binding, so start-up stops with the setting named.
            DatabaseLocation.parse(url, username, password);
        }
    }

    /** The database this configuration points at. */
    DatabaseLocation location() {
        return DatabaseLocation.parse(url, username, password);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseProperties[" + location() + "]";
    }
}
