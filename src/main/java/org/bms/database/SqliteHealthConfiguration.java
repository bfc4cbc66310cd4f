package org.bms.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On SQLite, whether writes can succeed, from the file system alone: these checks never wait on the database, so health
 * answers at once even while another process holds the write lock. Readiness includes both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDatabase(SqliteFile.class)
class SqliteHealthConfiguration {

    /** {@code database}: the file opened at start-up is still there, the same file, and writable. */
    @Bean
    HealthIndicator databaseHealthIndicator(DatabaseFile file) {
        return () -> file.obstacle()
                .map(obstacle ->
                        Health.down().withDetail("file", file.path().toString()).withDetail("reason", obstacle))
                .orElseGet(() -> Health.up().withDetail("file", file.path().toString()))
                .build();
    }

    /** {@code diskSpace}: free space where the database and where the logs are written. */
    @Bean
    CompositeHealthContributor diskSpaceHealthContributor(
            DatabaseFile file, DatabaseProperties properties, @Value("${logging.file.path:logs}") Path logs) {
        return CompositeHealthContributor.fromMap(Map.of(
                "database", new DiskSpaceHealthIndicator(file.path().getParent().toFile(), properties.minFreeSpace()),
                "logs", new DiskSpaceHealthIndicator(logs.toAbsolutePath().toFile(), properties.minFreeSpace())));
    }
}
