package org.bms.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How creation e-mails are sent.
 *
 * @param host SMTP server ({@code SMTP_SERVER}); without it, and without an owner, mails wait as pending
 * @param port SMTP port ({@code SMTP_PORT})
 * @param username SMTP user ({@code SMTP_USERNAME})
 * @param password SMTP password ({@code SMTP_PASSWORD})
 * @param starttls {@code SMTP_STARTTLS}: {@code false} never upgrades the connection; unset (empty) or {@code true}
 *     upgrades it with STARTTLS when the server offers it, and requires that whenever there is a {@code username}
 * @param starttlsRequired refuse to send over a connection that could not be upgraded, with or without a user
 * @param from the sender address
 * @param owner who receives the e-mails ({@code OWNER_EMAIL})
 * @param connectTimeout how long to wait for the SMTP server to accept a connection
 * @param timeout how long to wait for each SMTP reply
 * @param retry how a failed send is retried before the notification is marked failed
 * @param sweepInterval how often pending notifications that no worker holds are picked up again
 * @param failedRetryInterval how often notifications that ran out of retries are given another round
 * @param giveUpAfter how long after it was written a failed notification is still tried again; after that it
 *     stays failed for good
 * @param lease how long a claim on a notification holds without being renewed (the claiming instance renews it
 *     every quarter of that while it sends); one left by a stopped or killed instance is taken over after it
 */
@Validated
@ConfigurationProperties("bms.mail")
public record MailProperties(
        String host,
        @DefaultValue("587") @Min(1) @Max(65535) int port,
        String username,
        String password,
        Boolean starttls,
        @DefaultValue("false") boolean starttlsRequired,
        @DefaultValue("bms@localhost") @NotBlank @Email String from,
        @Email String owner,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("1m") @DurationMin(millis = 100) Duration sweepInterval,
        @DefaultValue("5m") @DurationMin(millis = 100) Duration failedRetryInterval,
        @DefaultValue("24h") @DurationMin(millis = 0) Duration giveUpAfter,
        @DefaultValue("2m") @DurationMin(millis = 400) Duration lease) {

    /**
     * Exponential backoff between attempts: {@code delay}, then times {@code multiplier}, at most {@code maxDelay}.
     *
     * @param maxRetries attempts after the first one
     */
    public record Retry(
            @DefaultValue("5") @Min(0) @Max(100) int maxRetries,
            @DefaultValue("2s") Duration delay,
            @DefaultValue("2") @Min(1) @Max(10) int multiplier,
            @DefaultValue("1m") Duration maxDelay) {}

    /** Whether there is somewhere to send to and someone to send to. */
    public boolean isConfigured() {
        return StringUtils.hasText(host) && StringUtils.hasText(owner);
    }

    /** Whether the server is asked for a user and password. */
    public boolean authenticates() {
        return StringUtils.hasText(username);
    }

    /**
     * Whether a connection that cannot be upgraded to TLS is refused: when asked to, and whenever a password would
     * otherwise go out in clear, unless {@code starttls} is explicitly {@code false}.
     */
    public boolean requiresStartTls() {
        return starttlsRequired || (authenticates() && !Boolean.FALSE.equals(starttls));
    }

    /** Whether STARTTLS is used when the server offers it: unless switched off, and always when required. */
    public boolean usesStartTls() {
        return requiresStartTls() || !Boolean.FALSE.equals(starttls);
    }
}
