package org.bms.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the database server answers, within {@link #LIMIT} whatever it is doing: the check runs on a thread of
 * its own, and health answers DOWN when it has not finished in time (a pool with no free connection, a server
 * that does not answer). A check still running when health is asked again is waited for, not started twice.
 */
final class ServerHealthIndicator implements HealthIndicator {

    static final Duration LIMIT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private CompletableFuture<Boolean> running;

    ServerHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        CompletableFuture<Boolean> check = check();
        try {
            return check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    ? Health.up().build()
                    : Health.down()
                            .withDetail("reason", "the server refused the check")
                            .build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("reason", "no answer within " + LIMIT.toSeconds() + " s")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail(
                            "reason", "cannot reach the server: " + e.getCause().getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized CompletableFuture<Boolean> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::answers, runnable -> {
                Thread thread = new Thread(runnable, "bms-database-health");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return running;
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) LIMIT.toSeconds());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
