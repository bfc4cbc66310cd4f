package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bms.account.AccountCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable half of the creation e-mail. A notification is written in the same transaction as its account,
 * so the two commit or roll back together; sending then claims it ({@code PENDING → SENDING}) with a lease in this
 * instance's name, so that no two workers, in this instance or another on the same database, send the same one.
 * The lease is renewed while this instance lives; one that ran out (its instance stopped or was killed) lets another
 * instance take the notification over. Only the holder of the claim records the outcome.
 */
@Service
class NotificationOutbox {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

    private static final List<NotificationStatus> UNSENT =
            List.of(NotificationStatus.PENDING, NotificationStatus.SENDING, NotificationStatus.FAILED);

    private final NotificationRepository notifications;
    private final Clock clock;
    private final Duration lease;
    /** Who this instance is in the claims it makes: new at every start, so no two processes share one. */
    private final String instance = UUID.randomUUID().toString();

    NotificationOutbox(NotificationRepository notifications, Clock clock, MailProperties properties) {
        this.notifications = notifications;
        this.clock = clock;
        this.lease = properties.lease();
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

    /** Takes a notification for sending: one pending, or one whose sender's lease ran out; else empty. */
    @Transactional
    public Optional<CreationMail> claim(long id) {
        Instant now = now();
        if (notifications.claim(id, instance, now.plus(lease), now) == 0) {
            return Optional.empty();
        }
        return notifications.findById(id).map(Notification::mail);
    }

    /** Keeps this instance's claims from running out while it is still sending them. */
    @Transactional
    public int renewLeases() {
        return notifications.renewLeases(instance, now().plus(lease));
    }

    /** Records a sent mail; false when this instance lost the claim meanwhile (and another sends it). */
    @Transactional
    public boolean markSent(long id) {
        return notifications.markSent(id, instance, now()) == 1;
    }

    /** Records a mail that ran out of retries; false when this instance lost the claim meanwhile. */
    @Transactional
    public boolean markFailed(long id, String error) {
        return notifications.markFailed(id, instance, error, now()) == 1;
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

    /** What may be sent now: the pending notifications, and those whose sender's lease ran out. */
    @Transactional(readOnly = true)
    public List<Long> claimable() {
        return notifications.claimable(now());
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
