package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bms.support.JsonAssertions.json;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed outright in the middle of a transfer load, then started again on the same database: every
 * movement a client was told about is there once, a transfer whose answer was lost is either wholly there (and its
 * retry answers with it) or not at all (and its retry makes it), and the books still balance.
 */
class LedgerCrashTest {

    private static final int ACCOUNTS = 8;
    private static final int CLIENTS = 16;

    @TempDir
    Path directory;

    /** A transfer as sent: its key and body, so that it can be sent again exactly. */
    record Sent(String key, String body) {}

    @Test
    void everyAcknowledgedTransferSurvivesAKillAndEveryLostAnswerIsSettledByItsRetry() throws Exception {
        String database = "bms.database.url=" + directory.resolve("bms.sqlite");
        List<Long> accounts = new ArrayList<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        Map<Sent, Boolean> unanswered = new ConcurrentHashMap<>();

        try (ServiceProcess first = ServiceProcess.start(database)) {
            ApiClient api = first.api();
            for (int i = 0; i < ACCOUNTS; i++) {
                Response opened = api.post("/accounts", Json.account("Crash " + i, "80000000" + i + "0", "1000.00"));
                assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
                accounts.add(opened.id());
            }
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> load = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    var random = new Random(c);
                    load.add(clients.submit(() -> {
                        while (!killed.get()) {
                            long from = accounts.get(random.nextInt(ACCOUNTS));
                            long to = accounts.get(
                                    (accounts.indexOf(from) + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
                            var sent = new Sent(
                                    UUID.randomUUID().toString(),
                                    "{\"from\":" + from + ",\"to\":" + to + ",\"amount\":"
                                            + (1 + random.nextInt(900)) / 100.0 + "}");
                            try {
                                record(
                                        api.move("/transfers", sent.body(), "Idempotency-Key", sent.key()),
                                        acknowledged);
                            } catch (RuntimeException connectionLost) {
                                unanswered.put(sent, Boolean.TRUE);
                            }
                        }
                    }));
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 200);
                killed.set(true);
                first.kill();
                for (Future<?> client : load) {
                    client.get(1, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
        }

        try (ServiceProcess second = ServiceProcess.start(database)) {
            ApiClient api = second.api();
            for (Sent sent : unanswered.keySet()) {
                Response retry = api.move("/transfers", sent.body(), "Idempotency-Key", sent.key());
                record(retry, acknowledged);
            }

            assertThat(acknowledged).doesNotHaveDuplicates();
            Map<Long, List<Long>> statements = new HashMap<>();
            for (long account : accounts) {
                statements.put(account, statementOf(api, account));
            }
            for (long movement : acknowledged) {
                Response read = api.get("/movements/" + movement);
                assertThat(read.status())
                        .as("movement %d, acknowledged", movement)
                        .isEqualTo(200);
                for (String side : List.of("$.from", "$.to")) {
                    long account = read.json(side, Long.class);
                    assertThat(statements.get(account))
                            .as("statement of %d", account)
                            .containsOnlyOnce(movement);
                }
            }
            Response reconciliation = api.get("/batch/reconciliation");
            json(reconciliation).extractingPath("$.mismatches").asArray().isEmpty();
            // Nothing but the openings and the acknowledged transfers: no transfer committed without its key.
            json(reconciliation).extractingPath("$.movements").isEqualTo(ACCOUNTS + acknowledged.size());
            assertThat(reconciliation.decimal("$.currencies[0].balances"))
                    .isEqualByComparingTo(new BigDecimal("8000.00"));
        }
    }

    private static void record(Response response, List<Long> acknowledged) {
        if (response.status() == 201) {
            acknowledged.add(response.id());
        } else if (response.status() == 409) {
            // Random transfers drain accounts: the one refusal money may meet.
            json(response)
                    .extractingPath("$.type")
                    .asString()
                    .as(response.toString())
                    .isEqualTo("https://bms.example/problems/insufficient-funds");
        } else {
            // The writer busy past the lock timeout (a service being killed, or starting on a locked file).
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            json(response)
                    .extractingPath("$.type")
                    .asString()
                    .as(response.toString())
                    .isEqualTo("https://bms.example/problems/database-unavailable");
            assertThat(response.header("Retry-After")).as(response.toString()).isPresent();
        }
    }

    /** The movement ids of the account's whole statement. */
    private static List<Long> statementOf(ApiClient api, long account) {
        List<Long> movements = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Number> lines = api.get("/accounts/" + account + "/movements?size=100&page=" + page)
                    .json("$.content[*].movement");
            if (lines.isEmpty()) {
                return movements;
            }
            lines.forEach(line -> movements.add(line.longValue()));
        }
    }
}
