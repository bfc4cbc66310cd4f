package org.bms.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/** The outbox's depth by status ({@code bms.notifications.outbox}), read at each scrape: waiting, sending, failed. */
@Component
class OutboxMetrics implements MeterBinder {

    private final NotificationRepository notifications;

    OutboxMetrics(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (NotificationStatus status :
                List.of(NotificationStatus.PENDING, NotificationStatus.SENDING, NotificationStatus.FAILED)) {
            Gauge.builder("bms.notifications.outbox", notifications, outbox -> outbox.countByStatus(status))
                    .description("Creation e-mails in the outbox")
                    .tag("status", status.name())
                    .register(meters);
        }
    }
}
