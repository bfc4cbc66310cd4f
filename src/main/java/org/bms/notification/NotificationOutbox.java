package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bms.account.AccountCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable half of the creation e-mail. A notification is written in the same transaction as its account,
 * so the two commit or roll back together; sending then claims it ({@code PENDING → SENDING}) so that no two
 * workers ever send the same one.
 */
@Service
class NotificationOutbox {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

    private static final List<NotificationStatus> UNSENT =
            List.of(NotificationStatus.PENDING, NotificationStatus.SENDING, NotificationStatus.FAILED);

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationOutbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Runs inside the opening transaction: no account without its notification, and no notification without it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AccountCreated event) {
        notifications.save(Notification.pending(event, now()));
    }

    @Transactional(readOnly = true)
    public Optional<Long> idForAccount(long accountId) {
        return notifications.idForAccount(accountId);
    }

    /** Takes a pending notification for sending; empty when it is not pending any more. */
    @Transactional
    public Optional<CreationMail> claim(long id) {
        if (notifications.move(id, NotificationStatus.PENDING, NotificationStatus.SENDING, 1, now()) == 0) {
            return Optional.empty();
        }
        return notifications.findById(id).map(Notification::mail);
    }

    @Transactional
    public void markSent(long id) {
        notifications.findById(id).ifPresent(notification -> notification.sent(now()));
    }

    @Transactional
    public void markFailed(long id, String error) {
        notifications.findById(id).ifPresent(notification -> notification.failed(error, now()));
    }

    /** Hands notifications that a stopped process was sending back to the queue. */
    @Transactional
    public int releaseInterrupted() {
        return notifications.moveAll(NotificationStatus.SENDING, NotificationStatus.PENDING, now());
    }

    /** Gives notifications that ran out of retries, and were written within {@code window}, another round. */
    @Transactional
    public int retryFailed(Duration window) {
        Instant now = now();
        return notifications.moveAllWrittenSince(
                NotificationStatus.FAILED, NotificationStatus.PENDING, now.minus(window), now);
    }

    /**
     * Gives up for good on the failed notifications written longer than {@code window} ago; each is logged once,
     * by whichever process marks it.
     */
    @Transactional
    public int giveUpFailed(Duration window) {
        Instant now = now();
        int givenUp = 0;
        for (Notification notification : notifications.failedWrittenUntil(now.minus(window))) {
            if (notifications.giveUp(notification.id(), now) == 1) {
                givenUp++;
                log.warn(
                        "Gave up for good on the creation e-mail for account {} written {} ago, after {} attempts; last error: {}",
                        v("accountId", notification.accountId()),
                        v("age", Duration.between(notification.createdAt(), now).truncatedTo(ChronoUnit.SECONDS)),
                        v("attempts", notification.attempts()),
                        v("reason", notification.lastError()));
            }
        }
        return givenUp;
    }

    @Transactional(readOnly = true)
    public List<Long> pending() {
        return notifications.idsWithStatus(NotificationStatus.PENDING);
    }

    /** What waits to be sent, read in one transaction. */
    @Transactional(readOnly = true)
    public Backlog backlog() {
        return new Backlog(
                notifications.countByStatus(NotificationStatus.PENDING),
                notifications.countByStatus(NotificationStatus.SENDING),
                notifications.countByStatus(NotificationStatus.FAILED),
                notifications.countByGivenUpAtIsNotNull(),
                notifications
                        .findFirstByStatusInAndGivenUpAtIsNullOrderByIdAsc(UNSENT)
                        .map(Notification::createdAt));
    }

    /**
     * The outbox's backlog.
     *
     * @param failed all that ran out of retries, including those given up on for good
     * @param givenUp those past {@code bms.mail.give-up-after}, never tried again
     * @param oldestUnsent when the oldest one that may still be sent was written, if there is one
     */
    public record Backlog(long pending, long sending, long failed, long givenUp, Optional<Instant> oldestUnsent) {}

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
