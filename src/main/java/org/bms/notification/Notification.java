package org.bms.notification;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import org.bms.account.AccountCreated;
import org.bms.account.Money;
import org.bms.database.InstantConverter;

/** One creation e-mail in the outbox, with the content it will carry. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String messageId;
    private long accountId;
    private String holderName;
    private String maskedNumber;
    private String currency;
    private long openingBalanceMinor;

    @Convert(converter = InstantConverter.class)
    private Instant openedAt;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;
    private String lastError;

    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    @Convert(converter = InstantConverter.class)
    private Instant sentAt;

    // Set only by NotificationRepository.giveUp, a conditional update, so that one process logs it.
    @Convert(converter = InstantConverter.class)
    private Instant givenUpAt;

    /** The instance sending it, while it is {@code SENDING}. */
    private String claimedBy;

    /** Until when the claim holds unless renewed; after that another instance may take the notification over. */
    @Convert(converter = InstantConverter.class)
    private Instant leaseUntil;

    protected Notification() {}

    static Notification pending(AccountCreated event, Instant now) {
        var notification = new Notification();
        notification.messageId = CreationMail.newMessageId();
        notification.accountId = event.accountId();
        notification.holderName = event.holderName();
        notification.maskedNumber = event.maskedNumber();
        notification.currency = event.openingBalance().currency().getCurrencyCode();
        notification.openingBalanceMinor = event.openingBalance().minorUnits();
        notification.openedAt = event.openedAt();
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;
        notification.updatedAt = now;
        return notification;
    }

    /** The mail this notification sends, the same on every attempt. */
    CreationMail mail() {
        return new CreationMail(messageId, event());
    }

    /** The event this notification reports, as it was when the account was opened. */
    AccountCreated event() {
        return new AccountCreated(
                accountId,
                holderName,
                maskedNumber,
                new Money(openingBalanceMinor, Currency.getInstance(currency)),
                openedAt);
    }

    long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }
}
