package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.bms.support.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server that takes a message but never confirms it gets it again; every copy carries the notification's
 * one {@code Message-ID}, so the receiver can drop the duplicates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnconfirmedMailTest {

    private static final int UNCONFIRMED = 2;
    private static final SwallowingSmtpServer SMTP = new SwallowingSmtpServer(UNCONFIRMED);

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("bms.database.url", () -> "target/test-db/mail-unconfirmed-" + System.nanoTime() + ".sqlite");
        registry.add("LOG_PATH", () -> "target/test-logs");
        registry.add("bms.mail.host", () -> "127.0.0.1");
        registry.add("bms.mail.port", SMTP::port);
        registry.add("bms.mail.owner", () -> "owner@bms.test");
        registry.add("bms.mail.from", () -> "bms@bms.test");
        registry.add("bms.mail.starttls", () -> "false");
        registry.add("bms.mail.connect-timeout", () -> "1s");
        registry.add("bms.mail.timeout", () -> "500ms");
        registry.add("bms.mail.retry.delay", () -> "100ms");
        registry.add("bms.mail.retry.max-retries", () -> "5");
    }

    @AfterAll
    static void stopSmtp() throws Exception {
        SMTP.close();
    }

    @Test
    void everyCopyOfAMailTheServerNeverConfirmedCarriesTheSameMessageId() {
        long id = new ApiClient(port).create("Twice Tom", "1534567890", "10").id();

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(id)));

        List<String> copies = SMTP.received();
        assertThat(copies).hasSize(UNCONFIRMED + 1).allMatch(copy -> copy.contains("Account id:      " + id));
        String stored =
                jdbc.queryForObject("SELECT message_id FROM notification WHERE account_id = ?", String.class, id);
        assertThat(stored).matches("<[^<>@\\s]+@[^<>@\\s]+>");
        assertThat(SMTP.messageIds()).containsOnly(stored);
    }

    private String status(long accountId) {
        return jdbc.queryForObject("SELECT status FROM notification WHERE account_id = ?", String.class, accountId);
    }
}
