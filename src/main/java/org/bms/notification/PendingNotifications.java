package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up notifications that no worker holds: on start-up those a previous run left pending or in the
 * middle of sending, and from time to time those the executor could not queue.
 */
@Component
class PendingNotifications {

    private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

    private final NotificationOutbox outbox;
    private final CreationMailer mailer;
    private final MailProperties properties;

    PendingNotifications(NotificationOutbox outbox, CreationMailer mailer, MailProperties properties) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        // A notification still SENDING was cut off by a stop; its mail may or may not have left, so send it again.
        // One that FAILED gave up during an outage that a restart may well have outlived: it gets a new round.
        int interrupted = outbox.releaseInterrupted();
        int failed = outbox.retryFailed();
        if (!properties.isConfigured()) {
            log.warn("Mail is not configured (bms.mail.host and bms.mail.owner); creation e-mails wait as pending");
            return;
        }
        List<Long> pending = dispatchPending();
        if (!pending.isEmpty()) {
            log.info(
                    "Resuming {} creation e-mails: {} interrupted by the last stop, {} failed before",
                    v("pending", pending.size()),
                    v("interrupted", interrupted),
                    v("failed", failed));
        }
    }

    @Scheduled(initialDelayString = "${bms.mail.sweep-interval:1m}", fixedDelayString = "${bms.mail.sweep-interval:1m}")
    void sweep() {
        if (properties.isConfigured()) {
            dispatchPending();
        }
    }

    private List<Long> dispatchPending() {
        List<Long> pending = outbox.pending();
        for (long id : pending) {
            try {
                mailer.dispatch(id);
            } catch (TaskRejectedException e) {
                log.warn("Mail queue is full; the rest wait for the next sweep");
                break;
            }
        }
        return pending;
    }
}
