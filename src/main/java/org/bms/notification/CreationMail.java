package org.bms.notification;

import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.bms.account.AccountCreated;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.mail.javamail.MimeMessagePreparator;

/**
 * The e-mail that tells the owner an account was opened, under its notification's own {@code Message-ID}, so
 * every copy a retry or a restart sends is recognisably the same message. Plain text; no client-supplied text
 * goes into a header, and control characters are removed from the body in case a name ever carries one.
 *
 * @param messageId the {@code Message-ID} header, angle brackets included
 * @param account the opening it reports
 */
record CreationMail(String messageId, AccountCreated account) {

    /** A {@code Message-ID} no other notification has, in any database: a random UUID. */
    static String newMessageId() {
        return "<" + UUID.randomUUID() + "@bms>";
    }

    /**
     * The message as it is sent. JavaMail's {@code saveChanges()} gives every message a fresh {@code Message-ID};
     * Spring's {@code JavaMailSenderImpl} reads the one set here before it calls it and sets it back after.
     */
    MimeMessagePreparator addressed(String from, String to) {
        return (MimeMessage mime) -> {
            content(account, from, to).copyTo(new MimeMailMessage(mime));
            mime.setHeader("Message-ID", messageId);
        };
    }

    static SimpleMailMessage content(AccountCreated account, String from, String to) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("BMS: account " + account.accountId() + " opened");
        message.setText("""
                A new account was opened.

                Account id:      %d
                Holder:          %s
                Account number:  %s
                Currency:        %s
                Opening balance: %s
                Opened at:       %s
                """.formatted(
                        account.accountId(),
                        printable(account.holderName()),
                        account.maskedNumber(),
                        account.openingBalance().currency().getCurrencyCode(),
                        account.openingBalance().amount().toPlainString(),
                        account.openedAt()));
        return message;
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}|[\\u2028\\u2029]", " ");
    }
}
