package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bms.support.JsonAssertions.json;

import java.time.Duration;
import org.bms.support.ApiClient.Response;
import org.bms.support.Smtp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code mail} health component shows the backlog, and SMTP failing turns it UNKNOWN, never DOWN. */
class MailHealthTest extends MailServiceTest {

    /** Never started: every connection is refused. */
    private static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // Deployment decides who sees health details; this test needs to read them.
        registry.add("management.endpoint.health.show-details", () -> "always");
        register(
                registry,
                "mail-health",
                SMTP,
                "bms.mail.retry.max-retries=40",
                "bms.mail.retry.delay=100ms",
                "bms.mail.retry.max-delay=100ms");
    }

    @Test
    void whileSmtpRefusesTheBacklogIsShownAndTheServiceStaysUp() {
        api.create("Backlog Bea", "1634567890", "10");
        api.create("Backlog Ben", "1734567890", "10");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "UNKNOWN".equals(api.get("/actuator/health").json("$.components.mail.status")));
        Response health = api.get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        json(health).extractingPath("$.status").isEqualTo("UP");
        assertThat(health.json("$.components.mail.details.pending", Integer.class)
                        + health.json("$.components.mail.details.sending", Integer.class))
                .isEqualTo(2);
        json(health).extractingPath("$.components.mail.details.failed").isEqualTo(0);
        json(health)
                .extractingPath("$.components.mail.details.oldestUnsent")
                .asString()
                .isNotBlank();
        json(health)
                .extractingPath("$.components.mail.details.lastFailure")
                .asString()
                .isNotBlank();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Integer.valueOf(2)
                        .equals(api.get("/actuator/health").json("$.components.mail.details.failed")));
        Response failed = api.get("/actuator/health");
        assertThat(failed.status()).isEqualTo(200);
        json(failed).extractingPath("$.status").isEqualTo("UP");
        json(failed).extractingPath("$.components.mail.status").isEqualTo("UNKNOWN");
        json(failed).extractingPath("$.components.mail.details.pending").isEqualTo(0);
        json(failed).extractingPath("$.components.mail.details.sending").isEqualTo(0);
        json(failed)
                .extractingPath("$.components.mail.details.oldestUnsent")
                .asString()
                .isNotBlank();
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
