package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bms.support.JsonAssertions.json;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.bms.support.ApiClient.Response;
import org.bms.support.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With SMTP down the account is still opened; its mail is retried, and given up on only after the limit. */
@ExtendWith(OutputCaptureExtension.class)
class MailOutageTest extends MailServiceTest {

    private static final Smtp SMTP = new Smtp();

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        register(registry, "mail-outage", SMTP);
    }

    @AfterEach
    void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aMailThatFailsWhileSmtpIsDownArrivesOnceWhenItIsBack(CapturedOutput output) {
        Response created = api.create("Patient Pat", "4234567890", "10");
        assertThat(created.status()).isEqualTo(201);
        long id = created.id();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> output.getOut().contains("Sending a creation e-mail failed; retrying"));
        SMTP.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.about(id).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(status(id)));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SMTP.about(id).size() == 1);
    }

    @Test
    void aMailThatKeepsFailingIsMarkedFailedCountedAndLeavesHealthUp() {
        double failedBefore = meters.counter("bms.notifications.failed").count();
        long id = api.create("Unlucky Ursula", "5234567890", "10").id();

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));
        assertThat(meters.counter("bms.notifications.failed").count()).isEqualTo(failedBefore + 1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM notification WHERE account_id = ?", String.class, id))
                .isNotBlank();

        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        json(health).extractingPath("$.status").isEqualTo("UP");
        json(health).extractingPath("$.components.mail.status").isEqualTo("UNKNOWN");
    }
}
