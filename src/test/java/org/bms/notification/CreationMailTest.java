package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Creating an account mails the owner exactly once, after commit, with the number masked. */
class CreationMailTest extends MailServiceTest {

    private static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        register(registry, "mail", SMTP);
    }

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void openingAnAccountMailsTheOwnerOnceWithTheNumberMasked() throws Exception {
        long id = api.create("John Doe", "1234567890", "1000").id();

        await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.about(id).size() == 1);
        MimeMessage mail = SMTP.about(id).get(0);
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("owner@bms.test");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("bms@bms.test");
        assertThat(mail.getSubject()).isEqualTo("BMS: account " + id + " opened");
        String body = Smtp.body(mail);
        assertThat(body)
                .contains("Holder:          John Doe")
                .contains("Account number:  *****7890")
                .contains("Currency:        USD")
                .contains("Opening balance: 1000.00")
                .doesNotContain("1234567890");
        assertThat(mail.getMessageID())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT message_id FROM notification WHERE account_id = ?", String.class, id));
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(status(id)));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SMTP.about(id).size() == 1);
    }

    @Test
    void aRefusedDuplicateSendsNoMail() {
        long id = api.create("First Holder", "2234567890", "1").id();
        Response duplicate = api.create("Second Holder", "2234567890", "1");
        assertThat(duplicate.status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.about(id).size() == 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SMTP.received().stream()
                        .noneMatch(mail -> Smtp.body(mail).contains("Second Holder")));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification WHERE holder_name = 'Second Holder'", Integer.class))
                .isZero();
    }

    @Test
    void aNameCarryingAHeaderIsRefusedAndNothingIsMailed() throws Exception {
        Response refused = api.post("/accounts", Json.account("Eve\r\nBcc: x@evil.test", "3234567890", "1"));
        assertThat(refused.status()).isEqualTo(400);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SMTP.received().stream()
                        .noneMatch(mail -> Smtp.body(mail).contains("evil")));
    }

    @Test
    void aHundredConcurrentOpeningsSendAHundredMailsAndNoDuplicates() throws Exception {
        var executor = Executors.newFixedThreadPool(16);
        List<Future<Long>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                String number = String.format("9%09d", i);
                Callable<Long> open =
                        () -> api.create("Holder " + number, number, "1").id();
                ids.add(executor.submit(open));
            }
            List<Long> opened = new ArrayList<>();
            for (Future<Long> id : ids) {
                opened.add(id.get());
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> opened.stream().allMatch(id -> SMTP.about(id).size() == 1));
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> opened.stream().allMatch(id -> SMTP.about(id).size() == 1));
            assertThat(opened).doesNotHaveDuplicates().hasSize(100);
        } finally {
            executor.shutdownNow();
        }
    }
}
