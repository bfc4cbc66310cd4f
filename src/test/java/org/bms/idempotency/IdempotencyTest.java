package org.bms.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Idempotency-Key as the contract has it: a retry is answered, never repeated; a different request is refused. */
@TestPropertySource(properties = "bms.database.url=target/test-db/idempotency-${random.uuid}.sqlite")
class IdempotencyTest extends HttpIntegrationTest {

    @Autowired
    private IdempotencyKeys keys;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aRetryWithTheSameKeyIsAnsweredWithTheFirstAnswerAndMovesNoMoney() {
        long account = open("10.00");
        String key = "deposit-" + account;

        Response first = deposit(account, "10", key);
        Response sameValue = deposit(account, "10.00", key);
        Response asString = deposit(account, "\"10.00\"", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(IdempotencyKeys.REPLAYED)).isEmpty();
        for (Response retry : List.of(sameValue, asString)) {
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header(IdempotencyKeys.REPLAYED)).contains("true");
            assertThat(retry.contentType()).startsWith("application/json");
        }
        assertThat(balanceOf(account)).isEqualTo("20.00");
        assertThat(movementsOf(account)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndChangesNothing() {
        long account = open("10.00");
        String key = "reused-" + account;
        assertThat(deposit(account, "10", key).status()).isEqualTo(201);

        Response otherAmount = deposit(account, "11", key);
        Response otherPath =
                api.move("/accounts/" + account + "/withdrawals", "{\"amount\":10}", "Idempotency-Key", key);

        for (Response refused : List.of(otherAmount, otherPath)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            json(refused).extractingPath("$.type").isEqualTo("https://bms.example/problems/idempotency-key-reused");
        }
        assertThat(balanceOf(account)).isEqualTo("20.00");
    }

    @Test
    void keysBelongToTheCallerWhoSentThem() {
        long account = open("10.00");
        String key = "shared-" + account;

        Response alice = api.as(Tokens.hs256("alice", "TELLER"))
                .move(depositPath(account), "{\"amount\":1}", "Idempotency-Key", key);
        Response bob = api.as(Tokens.hs256("bob", "TELLER"))
                .move(depositPath(account), "{\"amount\":1}", "Idempotency-Key", key);

        assertThat(alice.status()).isEqualTo(201);
        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.id()).isNotEqualTo(alice.id());
        json(bob).extractingPath("$.createdBy").isEqualTo("bob");
        assertThat(balanceOf(account)).isEqualTo("12.00");
    }

    @Test
    void aRefusedRequestIsNotKeptSoItsRetryRunsAfresh() {
        long account = open("10.00");
        String key = "refused-" + account;
        Response overdrawn = api.move(withdrawalPath(account), "{\"amount\":50}", "Idempotency-Key", key);
        assertThat(overdrawn.status()).isEqualTo(409);

        api.deposit(account, "40");
        Response retried = api.move(withdrawalPath(account), "{\"amount\":50}", "Idempotency-Key", key);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header(IdempotencyKeys.REPLAYED)).isEmpty();
        assertThat(balanceOf(account)).isEqualTo("0.00");
    }

    @Test
    void twentyClientsRacingWithOneKeyMakeExactlyOneMovement() throws Exception {
        long account = open("0");
        String key = "race-" + account;
        int clients = 20;
        var start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return deposit(account, "7.25", key);
                        },
                        threads));
            }
            start.countDown();
            List<Response> responses =
                    answers.stream().map(CompletableFuture::join).toList();

            assertThat(responses)
                    .extracting(Response::status)
                    .as(responses::toString)
                    .containsOnly(201);
            assertThat(responses)
                    .extracting(Response::body)
                    .containsOnly(responses.get(0).body());
            assertThat(responses)
                    .filteredOn(response ->
                            response.header(IdempotencyKeys.REPLAYED).isEmpty())
                    .hasSize(1);
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(balanceOf(account)).isEqualTo("7.25");
        assertThat(movementsOf(account)).isEqualTo(1);
    }

    @Test
    void openingAnAccountHonoursAKeyWhenOneIsSent() {
        String number = uniqueNumber();
        String body = Json.account("Keyed", number, "5");

        Response first = api.post("/accounts", body, "Idempotency-Key", "open-" + number);
        Response retry = api.post("/accounts", body, "Idempotency-Key", "open-" + number);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(retry.header(IdempotencyKeys.REPLAYED)).contains("true");
        assertThat(api.post("/accounts", body).status()).isEqualTo(409);
    }

    @Test
    void aKeyPastItsRetentionIsForgottenAndNoLongerAnswers() {
        long account = open("0");
        String key = "expired-" + account;
        Instant dayAndAnHourAgo = Instant.now().minus(Duration.ofHours(25));
        jdbc.update(
                "INSERT INTO idempotency_key (subject, key, fingerprint, status, body, created_at)"
                        + " VALUES ('test-admin', ?, 'an earlier request', 201, '{}', ?)",
                key,
                dayAndAnHourAgo.toEpochMilli());
        jdbc.update(
                "INSERT INTO idempotency_key (subject, key, fingerprint, status, body, created_at)"
                        + " VALUES ('test-admin', ?, 'an earlier request', 201, '{}', ?)",
                key + "-unused",
                dayAndAnHourAgo.toEpochMilli());

        Response afresh = deposit(account, "3", key);

        assertThat(afresh.status()).as(afresh.toString()).isEqualTo(201);
        assertThat(afresh.header(IdempotencyKeys.REPLAYED)).isEmpty();
        assertThat(keys.expire()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM idempotency_key WHERE key LIKE ?",
                        Integer.class,
                        "expired-" + account + "%"))
                .isEqualTo(1);
        assertThat(deposit(account, "3", key).header(IdempotencyKeys.REPLAYED)).contains("true");
    }

    private Response deposit(long account, String amount, String key) {
        return api.move(depositPath(account), "{\"amount\":" + amount + "}", "Idempotency-Key", key);
    }

    private static String depositPath(long account) {
        return "/accounts/" + account + "/deposits";
    }

    private static String withdrawalPath(long account) {
        return "/accounts/" + account + "/withdrawals";
    }

    private long open(String balance) {
        Response opened = api.create("Holder", uniqueNumber(), balance);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id();
    }

    private String balanceOf(long account) {
        return api.get("/accounts/" + account).decimal("$.balance").toPlainString();
    }

    private int movementsOf(long account) {
        return api.get("/accounts/" + account + "/movements").json("$.page.totalElements");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
