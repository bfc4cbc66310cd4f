package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bms.account.AccountCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the creation e-mail once the account is committed, off the request thread. Each notification is
 * claimed before it is sent, so a notification is sent by one worker only, and marked sent or failed after;
 * one that is already queued here is not queued twice.
 */
@Component
class CreationMailer {

    private static final Logger log = LoggerFactory.getLogger(CreationMailer.class);

    private final NotificationOutbox outbox;
    private final JavaMailSender mailSender;
    private final RetryTemplate retry;
    private final MailProperties properties;
    private final Counter sent;
    private final Counter failed;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final TaskExecutor executor;

    CreationMailer(
            NotificationOutbox outbox,
            JavaMailSender mailSender,
            RetryTemplate mailRetry,
            MailProperties properties,
            MeterRegistry meters,
            @Qualifier(MailConfiguration.EXECUTOR) TaskExecutor executor) {
        this.executor = executor;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.retry = mailRetry;
        this.properties = properties;
        this.sent = meters.counter("bms.notifications.sent");
        this.failed = meters.counter("bms.notifications.failed");
    }

    @Async(MailConfiguration.EXECUTOR)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onAccountCreated(AccountCreated event) {
        outbox.idForAccount(event.accountId()).filter(inFlight::add).ifPresent(this::deliver);
    }

    /** Queues one notification for sending, unless it is queued or being sent already. */
    void dispatch(long notificationId) {
        if (inFlight.add(notificationId)) {
            try {
                executor.execute(() -> deliver(notificationId));
            } catch (TaskRejectedException e) {
                inFlight.remove(notificationId);
                throw e;
            }
        }
    }

    /** Sends one notification if it is still pending and mail is configured; otherwise leaves it waiting. */
    private void deliver(long notificationId) {
        try {
            if (properties.isConfigured()) {
                outbox.claim(notificationId).ifPresent(mail -> send(notificationId, mail));
            }
        } finally {
            inFlight.remove(notificationId);
        }
    }

    private void send(long notificationId, CreationMail mail) {
        AccountCreated event = mail.account();
        try {
            retry.execute(() -> {
                try {
                    mailSender.send(mail.addressed(properties.from(), properties.owner()));
                } catch (MailException e) {
                    // Health says UNKNOWN from the first failed attempt, not only once the retries are spent.
                    lastFailure.set(reason(e));
                    throw e;
                }
                return null;
            });
        } catch (RetryException e) {
            String reason = reason(e.getLastException());
            lastFailure.set(reason);
            failed.increment();
            log.warn(
                    "Gave up on the creation e-mail for account {} after {} attempts: {}",
                    v("accountId", event.accountId()),
                    v("attempts", e.getRetryCount() + 1),
                    v("reason", reason));
            if (!outbox.markFailed(notificationId, reason)) {
                lostClaim(event);
            }
            return;
        }
        lastFailure.set(null);
        sent.increment();
        log.info("Sent the creation e-mail for account {}", v("accountId", event.accountId()));
        try {
            if (!outbox.markSent(notificationId)) {
                lostClaim(event);
            }
        } catch (RuntimeException e) {
            // The at-least-once window the README names: the row stays SENDING and is sent again once its lease
            // runs out, under the same Message-ID.
            log.error(
                    "Sent the creation e-mail for account {} but could not record it; it will be sent again"
                            + " when its claim runs out",
                    v("accountId", event.accountId()),
                    e);
        }
    }

    /** This instance's lease ran out mid-send (it could not renew it) and another instance took the mail over. */
    private static void lostClaim(AccountCreated event) {
        log.warn(
                "The claim on the creation e-mail for account {} ran out while it was being sent; another sender"
                        + " took it over, so the owner may get a second copy under the same Message-ID",
                v("accountId", event.accountId()));
    }

    /** Why the last delivery failed, or {@code null} after a success. */
    String lastFailure() {
        return lastFailure.get();
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
