package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.time.Duration;
import java.util.List;
import org.bms.system.ScheduledWork;
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
 * Picks up notifications that no worker holds: on start-up those a previous run left pending; from time to time
 * those the executor could not queue and those whose sender's lease ran out (a stopped or killed instance's); and
 * every {@code bms.mail.failed-retry-interval} those that ran out of retries, for {@code bms.mail.give-up-after}
 * from when they were written. With several instances on one database each sweep runs on one of them at a time
 * ({@link ScheduledWork}); every instance renews the leases of the mails it is sending itself.
 */
@Component
class PendingNotifications implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

    static final String SWEEP = "mail-sweep";
    static final String RETRY_FAILED = "mail-retry-failed";

    private final NotificationOutbox outbox;
    private final CreationMailer mailer;
    private final MailProperties properties;
    private final ScheduledWork scheduled;

    PendingNotifications(
            NotificationOutbox outbox, CreationMailer mailer, MailProperties properties, ScheduledWork scheduled) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.scheduled = scheduled;
    }

    /** Scheduled here rather than with {@code @Scheduled}, so the intervals and their defaults live in MailProperties. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.sweepInterval()));
        tasks.addFixedDelayTask(new FixedDelayTask(
                this::retryFailed, properties.failedRetryInterval(), properties.failedRetryInterval()));
        Duration renewal = properties.lease().dividedBy(4);
        tasks.addFixedDelayTask(new FixedDelayTask(outbox::renewLeases, renewal, renewal));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        if (!properties.isConfigured()) {
            log.warn("Mail is not configured (bms.mail.host and bms.mail.owner); creation e-mails wait as pending");
            return;
        }
        // One that FAILED gave up during an outage that a restart may well have outlived: within the retry window
        // it gets a new round now rather than at the first failed-retry run. Mails another instance is sending are
        // left to it: their leases are live.
        scheduled.once(SWEEP, properties.sweepInterval(), () -> {
            int failed = retryFailedInWindow();
            List<Long> claimable = dispatchClaimable();
            if (!claimable.isEmpty()) {
                log.info(
                        "Resuming {} creation e-mails, {} of which failed before",
                        v("pending", claimable.size()),
                        v("failed", failed));
            }
        });
    }

    void sweep() {
        if (properties.isConfigured()) {
            scheduled.once(SWEEP, properties.sweepInterval(), this::dispatchClaimable);
        }
    }

    void retryFailed() {
        if (properties.isConfigured()) {
            scheduled.once(RETRY_FAILED, properties.failedRetryInterval(), () -> {
                int failed = retryFailedInWindow();
                if (failed > 0) {
                    log.info("Trying {} failed creation e-mails again", v("failed", failed));
                    dispatchClaimable();
                }
            });
        }
    }

    private int retryFailedInWindow() {
        outbox.giveUpFailed(properties.giveUpAfter());
        return outbox.retryFailed(properties.giveUpAfter());
    }

    private List<Long> dispatchClaimable() {
        List<Long> pending = outbox.claimable();
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
