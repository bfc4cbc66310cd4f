package org.bms.notification;

import org.bms.account.AccountCreated;
import org.springframework.mail.SimpleMailMessage;

/**
 * The e-mail that tells the owner an account was opened. Plain text; no client-supplied text goes into a
 * header, and control characters are removed from the body in case a name ever carries one.
 */
final class CreationMail {

    private CreationMail() {}

    static SimpleMailMessage of(AccountCreated account, String from, String to) {
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
