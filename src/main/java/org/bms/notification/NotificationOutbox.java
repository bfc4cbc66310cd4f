package org.bms.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bms.account.AccountCreated;
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

    /** Gives notifications that ran out of retries another round. */
    @Transactional
    public int retryFailed() {
        return notifications.moveAll(NotificationStatus.FAILED, NotificationStatus.PENDING, now());
    }

    @Transactional(readOnly = true)
    public List<Long> pending() {
        return notifications.idsWithStatus(NotificationStatus.PENDING);
    }

    @Transactional(readOnly = true)
    public long count(NotificationStatus status) {
        return notifications.countByStatus(status);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
