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
 * Where the SQLite database lives and how long a request may wait for it.
 *
 * @param url the database file: a path, {@code jdbc:sqlite:path} or {@code sqlite:///path} ({@code DATABASE_URL})
 * @param readers how many connections serve read-only transactions next to the single writer
 * @param lockTimeout how long a write waits for its turn before the request fails with 503
 * @param minFreeSpace free space below which the disks of the database and the logs report DOWN
 */
@Validated
@ConfigurationProperties("bms.database")
public record DatabaseProperties(
        @NotBlank String url,
        @DefaultValue("4") @Min(1) @Max(64) int readers,
        @DefaultValue("30s") Duration lockTimeout,
        @DefaultValue("10MB") DataSize minFreeSpace) {

    public DatabaseProperties {
        if (url != null && !url.isBlank()) {
            // Refuse a URL that names no SQLite file while binding, so start-up stops with the setting named.
            SqliteFile.parse(url);
        }
    }

    /** The database file this configuration points at. */
    SqliteFile file() {
        return SqliteFile.parse(url);
    }
}
