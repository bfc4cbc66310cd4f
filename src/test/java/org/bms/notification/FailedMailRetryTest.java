package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.bms.support.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail that ran out of retries is tried again every {@code bms.mail.failed-retry-interval} without a restart,
 * until the notification is older than {@code bms.mail.give-up-after}; then it stays failed, said once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailedMailRetryTest extends MailServiceTest {

    private static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        register(
                registry,
                "mail-failed",
                SMTP,
                "bms.mail.retry.max-retries=1",
                "bms.mail.retry.delay=100ms",
                "bms.mail.failed-retry-interval=1s",
                "bms.mail.give-up-after=1h");
    }

    @AfterEach
    void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aMailThatFailedWhileSmtpRefusedArrivesOnceWhenSmtpAcceptsWithoutARestart() throws Exception {
        long id = api.create("Failed Fiona", "1334567890", "10").id();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> "FAILED".equals(status(id)));

        SMTP.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.about(id).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(status(id)));
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.about(id).size() == 1);
        assertThat(SMTP.about(id).get(0).getMessageID()).isEqualTo(messageId(id));
    }

    @Test
    void aFailedMailOlderThanTheWindowStaysFailedAndIsGivenUpOnOnce(CapturedOutput output) {
        SMTP.start();
        long id = api.create("Late Lars", "1434567890", "10").id();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
        // As if it had failed every round of a day-long outage.
        jdbc.update(
                "UPDATE notification SET status = 'FAILED', created_at = ? WHERE account_id = ?",
                System.currentTimeMillis() - Duration.ofHours(2).toMillis(),
                id);

        String givenUp = "Gave up for good on the creation e-mail for account " + id + " ";
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(givenUp));
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> "FAILED".equals(status(id)) && SMTP.about(id).size() == 1);
        assertThat(output.getOut().lines().filter(line -> line.contains(givenUp)))
                .hasSize(1);
    }

    private String messageId(long accountId) {
        return jdbc.queryForObject("SELECT message_id FROM notification WHERE account_id = ?", String.class, accountId);
    }
}
