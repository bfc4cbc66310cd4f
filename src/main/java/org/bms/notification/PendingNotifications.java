package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Picks up notifications that no worker holds: on start-up those a previous run left pending or in the
 * middle of sending; from time to time those the executor could not queue; and every
 * {@code bms.mail.failed-retry-interval} those that ran out of retries, for {@code bms.mail.give-up-after} from
 * when they were written.
 */
@Component
class PendingNotifications implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

    private final NotificationOutbox outbox;
    private final CreationMailer mailer;
    private final MailProperties properties;

    PendingNotifications(NotificationOutbox outbox, CreationMailer mailer, MailProperties properties) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
    }

    /** Scheduled here rather than with {@code @Scheduled}, so the intervals and their defaults live in MailProperties. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.sweepInterval()));
        tasks.addFixedDelayTask(new FixedDelayTask(
                this::retryFailed, properties.failedRetryInterval(), properties.failedRetryInterval()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        // A notification still SENDING was cut off by a stop; its mail may or may not have left, so send it again.
        int interrupted = outbox.releaseInterrupted();
        if (!properties.isConfigured()) {
            log.warn("Mail is not configured (bms.mail.host and bms.mail.owner); creation e-mails wait as pending");
            return;
        }
        // One that FAILED gave up during an outage that a restart may well have outlived: within the retry window
        // it gets a new round now rather than at the first failed-retry run.
        int failed = retryFailedInWindow();
        List<Long> pending = dispatchPending();
        if (!pending.isEmpty()) {
            log.info(
                    "Resuming {} creation e-mails: {} interrupted by the last stop, {} failed before",
                    v("pending", pending.size()),
                    v("interrupted", interrupted),
                    v("failed", failed));
        }
    }

    void sweep() {
        if (properties.isConfigured()) {
            dispatchPending();
        }
    }

    void retryFailed() {
        if (properties.isConfigured()) {
            int failed = retryFailedInWindow();
            if (failed > 0) {
                log.info("Trying {} failed creation e-mails again", v("failed", failed));
                dispatchPending();
            }
        }
    }

    private int retryFailedInWindow() {
        outbox.giveUpFailed(properties.giveUpAfter());
        return outbox.retryFailed(properties.giveUpAfter());
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
