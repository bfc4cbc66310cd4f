package org.bms.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.bms.notification.NotificationOutbox.Backlog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports the outbox's backlog without touching the network. Mail that cannot go out is UNKNOWN, never DOWN:
 * the service keeps working and keeps the mails, so an SMTP outage must not take it out of a load balancer.
 * An outbox that cannot be read is UNKNOWN too; the database's own health speaks for the database.
 */
@Component
class MailHealthIndicator implements HealthIndicator {

    private final NotificationOutbox outbox;
    private final CreationMailer mailer;
    private final MailProperties properties;
    private final Clock clock;

    MailHealthIndicator(NotificationOutbox outbox, CreationMailer mailer, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            return report();
        } catch (RuntimeException e) {
            return Health.unknown()
                    .withDetail("configured", properties.isConfigured())
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Health report() {
        String lastFailure = mailer.lastFailure();
        Status status = !properties.isConfigured() || lastFailure != null ? Status.UNKNOWN : Status.UP;
        Backlog backlog = outbox.backlog();
        Health.Builder health = Health.status(status)
                .withDetail("configured", properties.isConfigured())
                .withDetail("pending", backlog.pending())
                .withDetail("sending", backlog.sending())
                .withDetail("failed", backlog.failed())
                .withDetail("givenUp", backlog.givenUp());
        backlog.oldestUnsent()
                .ifPresent(since -> health.withDetail("oldestUnsent", since.toString())
                        .withDetail(
                                "oldestUnsentAge",
                                Duration.between(since, clock.instant())
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString()));
        if (lastFailure != null) {
            health.withDetail("lastFailure", lastFailure);
        }
        return health.build();
    }
}
