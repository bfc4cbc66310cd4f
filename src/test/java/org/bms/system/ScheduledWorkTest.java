package org.bms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A scheduled task's lock, left in the database by an earlier run, is taken again by the next run. */
@SpringBootTest
@TestPropertySource(
        properties = {"bms.database.url=target/test-db/scheduled-${random.uuid}.sqlite", "LOG_PATH=target/test-logs"})
class ScheduledWorkTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Clock clock;

    @Test
    void aLockRowAnEarlierRunLeftIsTakenByTheNextRun() {
        var runs = new AtomicInteger();
        new ScheduledWork(jdbc, clock).once("scheduled-work-test", Duration.ofMinutes(1), runs::incrementAndGet);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM shedlock WHERE name = 'scheduled-work-test'", Integer.class))
                .isEqualTo(1);

        // A new instance knows of no lock yet, as after a restart: its first attempt inserts, and finds the row.
        new ScheduledWork(jdbc, clock).once("scheduled-work-test", Duration.ofMinutes(1), runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }
}
