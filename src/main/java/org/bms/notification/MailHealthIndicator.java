package org.bms.notification;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports the outbox without touching the network. Mail that cannot go out is UNKNOWN, never DOWN: the
 * service keeps working and keeps the mails, so an SMTP outage must not take it out of a load balancer.
 */
@Component
class MailHealthIndicator implements HealthIndicator {

    private final NotificationOutbox outbox;
    private final CreationMailer mailer;
    private final MailProperties properties;

    MailHealthIndicator(NotificationOutbox outbox, CreationMailer mailer, MailProperties properties) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
    }

    @Override
    public Health health() {
        String lastFailure = mailer.lastFailure();
        Status status = !properties.isConfigured() || lastFailure != null ? Status.UNKNOWN : Status.UP;
        Health.Builder health = Health.status(status)
                .withDetail("configured", properties.isConfigured())
                .withDetail("pending", outbox.count(NotificationStatus.PENDING))
                .withDetail("failed", outbox.count(NotificationStatus.FAILED));
        if (lastFailure != null) {
            health.withDetail("lastFailure", lastFailure);
        }
        return health.build();
    }
}
