package org.bms.system;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work on one instance at a time, however many share the database: each task takes a lock named
 * after it in the {@code shedlock} table first, and an instance that finds it taken skips that round. A lock whose
 * holder died is free again after {@code atMostFor}.
 */
@Component
public class ScheduledWork {

    private final LockingTaskExecutor locks;
    private final Clock clock;

    ScheduledWork(JdbcTemplate jdbc, Clock clock) {
        this.locks = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(jdbc)
                        .build()));
        this.clock = clock;
    }

    /** Runs {@code task} unless another instance is running the task of that name; holds the lock {@code atMostFor}. */
    public void once(String name, Duration atMostFor, Runnable task) {
        locks.executeWithLock(task, new LockConfiguration(clock.instant(), name, atMostFor, Duration.ZERO));
    }
}
