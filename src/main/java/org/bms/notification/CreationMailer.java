package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.bms.account.AccountCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the creation e-mail once the account is committed, off the request thread. Each notification is
 * claimed before it is sent, so a notification is sent by one worker only, and marked sent or failed after.
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

    CreationMailer(
            NotificationOutbox outbox,
            JavaMailSender mailSender,
            RetryTemplate mailRetry,
            MailProperties properties,
            MeterRegistry meters) {
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
        outbox.idForAccount(event.accountId()).ifPresent(this::deliver);
    }

    /** Sends one notification if it is still pending and mail is configured; otherwise leaves it waiting. */
    void deliver(long notificationId) {
        if (!properties.isConfigured()) {
            return;
        }
        outbox.claim(notificationId).ifPresent(event -> send(notificationId, event));
    }

    private void send(long notificationId, AccountCreated event) {
        try {
            retry.execute(() -> {
                mailSender.send(CreationMail.of(event, properties.from(), properties.owner()));
                return null;
            });
            outbox.markSent(notificationId);
            lastFailure.set(null);
            sent.increment();
            log.info("Sent the creation e-mail for account {}", v("accountId", event.accountId()));
        } catch (RetryException e) {
            String reason = reason(e.getLastException());
            outbox.markFailed(notificationId, reason);
            lastFailure.set(reason);
            failed.increment();
            log.warn(
                    "Gave up on the creation e-mail for account {} after {} attempts: {}",
                    v("accountId", event.accountId()),
                    v("attempts", e.getRetryCount() + 1),
                    v("reason", reason));
        }
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
