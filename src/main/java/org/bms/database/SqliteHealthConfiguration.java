package org.bms.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On SQLite, whether writes can succeed, from the file system alone: the check never waits on the database, so
 * health answers at once even while another process holds the write lock. Readiness includes it.
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
}
