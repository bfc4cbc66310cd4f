package org.bms.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code diskSpace}: free space where the service writes, the logs always and the database where it is a file of
 * this machine (SQLite; a server's disk is its own). Readiness includes it.
 */
@Configuration(proxyBeanMethods = false)
class DiskSpaceConfiguration {

    @Bean
    CompositeHealthContributor diskSpaceHealthContributor(
            ObjectProvider<DatabaseFile> database,
            DatabaseProperties properties,
            @Value("${logging.file.path:logs}") Path logs) {
        Map<String, HealthContributor> disks = new LinkedHashMap<>();
        database.ifAvailable(file -> disks.put(
                "database", new DiskSpaceHealthIndicator(file.path().getParent().toFile(), properties.minFreeSpace())));
        disks.put("logs", new DiskSpaceHealthIndicator(logs.toAbsolutePath().toFile(), properties.minFreeSpace()));
        return CompositeHealthContributor.fromMap(disks);
    }
}
