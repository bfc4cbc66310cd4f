package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.bms.notification.NotificationOutbox.Backlog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;

/** The mail component reports what it cannot read as UNKNOWN: a database in trouble is not a mail outage. */
class MailHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    private final NotificationOutbox outbox = mock(NotificationOutbox.class);
    private final CreationMailer mailer = mock(CreationMailer.class);

    @Test
    void anOutboxThatCannotBeReadIsUnknownNotDown() {
        when(outbox.backlog()).thenThrow(new DataAccessResourceFailureException("database is locked"));

        Health health = indicator(configured()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("error", "database is locked");
    }

    @Test
    void mailThatIsNotConfiguredIsUnknown() {
        when(outbox.backlog()).thenReturn(new Backlog(1, 0, 0, 0, Optional.of(NOW)));

        Health health = indicator(properties(Map.of())).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("configured", false);
    }

    @Test
    void aQuietOutboxIsUp() {
        when(outbox.backlog()).thenReturn(new Backlog(0, 0, 0, 0, Optional.empty()));

        Health health = indicator(configured()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("pending", 0L)
                .containsEntry("sending", 0L)
                .containsEntry("failed", 0L)
                .doesNotContainKey("oldestUnsent");
    }

    @Test
    void aBacklogShowsItsCountsAndTheAgeOfTheOldestUnsent() {
        when(outbox.backlog()).thenReturn(new Backlog(3, 2, 1, 0, Optional.of(NOW.minusSeconds(90))));

        Health health = indicator(configured()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("pending", 3L)
                .containsEntry("sending", 2L)
                .containsEntry("failed", 1L)
                .containsEntry("givenUp", 0L)
                .containsEntry("oldestUnsent", "2026-11-24T14:58:30Z")
                .containsEntry("oldestUnsentAge", "PT1M30S");
    }

    @Test
    void aFailingSendIsUnknownNotDown() {
        when(outbox.backlog()).thenReturn(new Backlog(0, 1, 0, 0, Optional.of(NOW)));
        when(mailer.lastFailure()).thenReturn("Connection refused");

        Health health = indicator(configured()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("lastFailure", "Connection refused");
    }

    private MailHealthIndicator indicator(MailProperties properties) {
        return new MailHealthIndicator(outbox, mailer, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MailProperties configured() {
        return properties(Map.of("bms.mail.host", "127.0.0.1", "bms.mail.owner", "owner@bms.test"));
    }

    private static MailProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("bms.mail", MailProperties.class);
    }
}
