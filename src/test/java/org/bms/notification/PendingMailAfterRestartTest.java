package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bms.BmsApplication;
import org.bms.support.ApiClient;
import org.bms.support.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mails a previous run did not send, was cut off sending or gave up on go out after the next start, once each;
 * one that failed longer ago than {@code bms.mail.give-up-after} stays failed.
 */
class PendingMailAfterRestartTest {

    private final Smtp smtp = new Smtp();

    @TempDir
    Path dir;

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void pendingInterruptedAndFailedMailsAreSentOnceAfterStartUp() throws Exception {
        String database = "--bms.database.url=" + dir.resolve("bms.sqlite");
        long pending;
        long interrupted;
        long failed;
        long failedLongAgo;
        try (ConfigurableApplicationContext withoutSmtp = start(database)) {
            ApiClient api = new ApiClient(port(withoutSmtp));
            pending = api.create("Waiting Walter", "6234567890", "1").id();
            interrupted = api.create("Cut-off Carla", "7234567890", "2").id();
            failed = api.create("Given-up Gina", "8234567890", "3").id();
            failedLongAgo = api.create("Yesterday Yves", "8334567890", "4").id();
            JdbcTemplate jdbc = withoutSmtp.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT status FROM notification", String.class))
                    .containsOnly("PENDING");
            // As if the process had stopped after claiming this one but before marking it sent.
            jdbc.update("UPDATE notification SET status = 'SENDING' WHERE account_id = ?", interrupted);
            // As if an earlier outage had outlasted every retry.
            jdbc.update("UPDATE notification SET status = 'FAILED' WHERE account_id = ?", failed);
            // As if that outage had begun more than a day ago.
            jdbc.update(
                    "UPDATE notification SET status = 'FAILED', created_at = ? WHERE account_id = ?",
                    System.currentTimeMillis() - Duration.ofHours(25).toMillis(),
                    failedLongAgo);
        }

        smtp.start();
        List<String> args = new ArrayList<>(List.of(database));
        for (String property : smtp.properties()) {
            args.add("--" + property);
        }
        try (ConfigurableApplicationContext withSmtp = start(args.toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> smtp.about(pending).size() == 1
                            && smtp.about(interrupted).size() == 1);
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> smtp.received().size() == 3);
            JdbcTemplate jdbc = withSmtp.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> jdbc
                            .queryForList(
                                    "SELECT status FROM notification WHERE account_id <> ?",
                                    String.class,
                                    failedLongAgo)
                            .stream()
                            .allMatch("SENT"::equals));
            assertThat(smtp.about(failedLongAgo)).isEmpty();
            assertThat(jdbc.queryForMap(
                            "SELECT status, given_up_at FROM notification WHERE account_id = ?", failedLongAgo))
                    .containsEntry("status", "FAILED")
                    .extractingByKey("given_up_at")
                    .isNotNull();
            // The copy sent again after the stop is recognisably the same message as the one that may have left.
            assertThat(smtp.about(interrupted).get(0).getMessageID())
                    .isEqualTo(jdbc.queryForObject(
                            "SELECT message_id FROM notification WHERE account_id = ?", String.class, interrupted));
        }
    }

    private static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--LOG_PATH=target/test-logs"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(BmsApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
