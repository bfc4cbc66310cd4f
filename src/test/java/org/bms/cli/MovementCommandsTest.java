package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money commands against a stand-in for the service on 127.0.0.1: what each sends (method, path, body, a fresh
 * Idempotency-Key) and prints, and how a movement whose answer is lost is sent again with the same key, so that it
 * happens once. The pauses between attempts are recorded instead of slept.
 */
class MovementCommandsTest {

    private static final String DEPOSIT = "{\"id\":42,\"type\":\"DEPOSIT\",\"currency\":\"USD\",\"amount\":25.50,"
            + "\"from\":null,\"to\":7,\"reference\":\"Cash at the counter\",\"reverses\":null,\"reversedBy\":null,"
            + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"createdBy\":\"alice\"}";

    /** The stand-in reads no token; this one shows it is sent as given. */
    private static final String TOKEN = "a.bearer.token";

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordPauses() {
        MovementPost.pause = pauses::add;
    }

    @AfterEach
    void sleepAgain() {
        MovementPost.pause = MovementPost.SLEEP;
    }

    @Test
    void depositPostsTheExactAmountWithAFreshKeyAndPrintsTheMovement() {
        try (Service service = new Service(created(DEPOSIT), created(DEPOSIT))) {
            Run run = cli(service.url(), "deposit", "7", "25.50", "--reference", "Cash at the counter");
            Run again = cli(service.url(), "deposit", "7", "25.50", "--reference", "Cash at the counter");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Request request = service.requests().get(0);
            assertThat(request.line()).isEqualTo("POST /accounts/7/deposits");
            assertThat(request.body()).isEqualTo("{\"amount\":25.50,\"reference\":\"Cash at the counter\"}");
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(UUID.fromString(request.key()).toString()).isEqualTo(request.key());
            assertThat(service.requests().get(1).key()).isNotEqualTo(request.key());
            assertThat(run.out())
                    .startsWith("FIELD       VALUE\nid          42\ntype        DEPOSIT\n")
                    .containsPattern("(?m)^amount +25\\.50$")
                    .containsPattern("(?m)^from *$")
                    .containsPattern("(?m)^to +7$")
                    .containsPattern("(?m)^reference +Cash at the counter$")
                    .containsPattern("(?m)^createdBy +alice$")
                    .doesNotContain("Carried out once");
            assertThat(run.err()).isEmpty();
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void withdrawSendsTheAmountAsTypedWithoutAReferenceAndPrintsTheJsonAsItCame() {
        String withdrawal = "{\"id\":43,\"type\":\"WITHDRAWAL\",\"currency\":\"USD\",\"amount\":0.10,\"from\":7,"
                + "\"to\":null,\"reference\":null,\"reverses\":null,\"reversedBy\":null,"
                + "\"createdAt\":\"2026-12-01T10:01:00Z\",\"createdBy\":\"alice\"}";
        try (Service service = new Service(created(withdrawal))) {
            Run run = cli(service.url(), "--json", "withdraw", "7", "0.10");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Request request = service.requests().get(0);
            assertThat(request.line()).isEqualTo("POST /accounts/7/withdrawals");
            assertThat(request.body()).isEqualTo("{\"amount\":0.10}");
            assertThat(request.key()).hasSize(36);
            assertThat(run.out()).isEqualTo(withdrawal + "\n");
        }
    }

    @Test
    void transferPostsBothAccountsAndTheLargestAmountExactly() {
        String transfer = "{\"id\":44,\"type\":\"TRANSFER\",\"currency\":\"EUR\",\"amount\":999999999999999.99,"
                + "\"from\":3,\"to\":5,\"reference\":\"March rent\",\"reverses\":null,\"reversedBy\":null,"
                + "\"createdAt\":\"2026-12-01T10:02:00Z\",\"createdBy\":\"alice\"}";
        try (Service service = new Service(created(transfer))) {
            Run run = cli(service.url(), "transfer", "3", "5", "999999999999999.99", "--reference", "March rent");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Request request = service.requests().get(0);
            assertThat(request.line()).isEqualTo("POST /transfers");
            assertThat(request.body())
                    .isEqualTo("{\"from\":3,\"to\":5,\"amount\":999999999999999.99,\"reference\":\"March rent\"}");
            assertThat(request.key()).isNotBlank();
            assertThat(run.out())
                    .containsPattern("(?m)^type +TRANSFER$")
                    .containsPattern("(?m)^amount +999999999999999\\.99$")
                    .containsPattern("(?m)^from +3$")
                    .containsPattern("(?m)^to +5$");
        }
    }

    @Test
    void reversePostsAnEmptyObjectOrTheReference() {
        String reversal = "{\"id\":45,\"type\":\"REVERSAL\",\"currency\":\"USD\",\"amount\":25.50,\"from\":7,"
                + "\"to\":null,\"reference\":\"Paid twice\",\"reverses\":42,\"reversedBy\":null,"
                + "\"createdAt\":\"2026-12-01T10:03:00Z\",\"createdBy\":\"root\"}";
        try (Service service = new Service(created(reversal), created(reversal))) {
            Run plain = cli(service.url(), "reverse", "42");
            Run withReference = cli(service.url(), "reverse", "42", "--reference", "Paid twice");

            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(withReference.exitCode()).as(withReference.toString()).isZero();
            assertThat(service.requests())
                    .extracting(Request::line, Request::body)
                    .containsExactly(
                            tuple("POST /movements/42/reversal", "{}"),
                            tuple("POST /movements/42/reversal", "{\"reference\":\"Paid twice\"}"));
            assertThat(service.requests())
                    .allSatisfy(request -> assertThat(request.key()).isNotBlank());
            assertThat(plain.out()).containsPattern("(?m)^type +REVERSAL$").containsPattern("(?m)^reverses +42$");
        }
    }

    @Test
    void statementAsksForThePageAndPrintsSignedAmountsWithTheBalanceAfter() {
        String page = "{\"content\":["
                + "{\"movement\":44,\"type\":\"TRANSFER\",\"amount\":-25.00,\"balanceAfter\":75.00,"
                + "\"counterparty\":5,\"reference\":\"March rent\",\"createdAt\":\"2026-12-01T10:02:00Z\","
                + "\"createdBy\":\"alice\"},"
                + "{\"movement\":42,\"type\":\"DEPOSIT\",\"amount\":100.00,\"balanceAfter\":100.00,"
                + "\"counterparty\":null,\"reference\":null,\"createdAt\":\"2026-12-01T10:00:00Z\","
                + "\"createdBy\":\"alice\"}],"
                + "\"page\":{\"size\":2,\"number\":1,\"totalElements\":5,\"totalPages\":3}}";
        try (Service service = new Service(ok(page))) {
            Run run = cli(service.url(), "statement", "3", "--page", "1", "--size", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Request request = service.requests().get(0);
            assertThat(request.line()).isEqualTo("GET /accounts/3/movements?page=1&size=2");
            assertThat(request.key()).isNull();
            assertThat(run.out())
                    .isEqualTo("MOVEMENT  TYPE      AMOUNT  BALANCE AFTER  COUNTERPARTY  REFERENCE   CREATED"
                            + "               BY\n"
                            + "      44  TRANSFER  -25.00          75.00             5  March rent  "
                            + "2026-12-01T10:02:00Z  alice\n"
                            + "      42  DEPOSIT   100.00         100.00                            "
                            + "2026-12-01T10:00:00Z  alice\n"
                            + "5 movements, page 2 of 3 (--page 2 for the next)\n");
        }
    }

    @Test
    void reconcilePrintsEachCurrencyAndEveryMismatch() {
        String clean = "{\"asOf\":\"2026-12-01T10:00:00Z\",\"accounts\":1200,\"movements\":5400,\"mismatches\":[],"
                + "\"currencies\":[{\"currency\":\"EUR\",\"accounts\":3,\"balances\":350.25,\"postings\":350.25,"
                + "\"outside\":-350.25}],\"chunkSize\":1000,\"chunks\":2,\"parallelism\":2,\"elapsedMs\":12}";
        String broken = "{\"asOf\":\"2026-12-01T11:00:00Z\",\"accounts\":1,\"movements\":1,"
                + "\"mismatches\":[{\"account\":9,\"balance\":10.00,\"postings\":5.00}],"
                + "\"currencies\":[{\"currency\":\"USD\",\"accounts\":1,\"balances\":10.00,\"postings\":5.00,"
                + "\"outside\":-5.00}],\"chunkSize\":1000,\"chunks\":1,\"parallelism\":2,\"elapsedMs\":3}";
        try (Service service = new Service(ok(clean), ok(broken))) {
            Run run = cli(service.url(), "reconcile");
            Run mismatched = cli(service.url(), "reconcile");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(service.requests()).extracting(Request::line).containsOnly("GET /batch/reconciliation");
            assertThat(run.out())
                    .isEqualTo("CURRENCY  ACCOUNTS  BALANCES  POSTINGS  OUTSIDE\n"
                            + "EUR              3    350.25    350.25  -350.25\n"
                            + "1200 accounts, 5400 movements as of 2026-12-01T10:00:00Z: no mismatches"
                            + " (2 chunks of 1000, parallelism 2, 12 ms)\n");
            assertThat(mismatched.exitCode()).as(mismatched.toString()).isEqualTo(BmsCli.MISMATCHED);
            assertThat(mismatched.out())
                    .contains("MISMATCH: ACCOUNT  BALANCE  POSTINGS\n" + "                9    10.00      5.00\n")
                    .contains("1 account, 1 movement as of 2026-12-01T11:00:00Z: 1 mismatch,");
        }
    }

    @Test
    void aLostAnswerIsSentAgainWithTheSameKeyAndTheMovementHappensOnce() {
        Ledger ledger = new Ledger();
        try (Service service = new Service(ledger.answerLost(), ledger.answer())) {
            Run run = cli(service.url(), "deposit", "7", "25.50");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(service.requests()).hasSize(2);
            Request first = service.requests().get(0);
            Request second = service.requests().get(1);
            assertThat(second.key()).isNotNull().isEqualTo(first.key());
            assertThat(second.line()).isEqualTo(first.line()).isEqualTo("POST /accounts/7/deposits");
            assertThat(second.body()).isEqualTo(first.body()).isEqualTo("{\"amount\":25.50}");
            assertThat(ledger.movements()).isOne();
            assertThat(run.out().split("\n", -1))
                    .filteredOn(line -> line.matches("id +42"))
                    .hasSize(1);
            assertThat(run.out())
                    .contains("Carried out once, by an earlier request with Idempotency-Key " + first.key());
            assertThat(run.err()).contains("Outcome unknown (", "same Idempotency-Key in 500 ms (retry 1 of 3)");
            assertThat(pauses).containsExactly(Duration.ofMillis(500));
        }
    }

    @Test
    void anAnswerLostEveryTimeIsReportedUnknownWithTheKeyToAskAgainWith() {
        Ledger ledger = new Ledger();
        try (Service service =
                new Service(ledger.answerLost(), ledger.answerLost(), ledger.answerLost(), ledger.answerLost())) {
            Run run = cli(service.url(), "withdraw", "7", "5.00", "--reference", "ATM");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.out()).isEmpty();
            assertThat(service.requests()).hasSize(1 + MovementPost.RETRIES);
            String key = service.requests().get(0).key();
            assertThat(service.requests()).extracting(Request::key).containsOnly(key);
            assertThat(service.requests())
                    .extracting(Request::body)
                    .containsOnly("{\"amount\":5.00,\"reference\":\"ATM\"}");
            assertThat(ledger.movements()).isOne();
            assertThat(run.err())
                    .contains("No answer to POST " + service.url() + "/accounts/7/withdrawals, sent 4 times with"
                            + " Idempotency-Key " + key)
                    .contains("--idempotency-key " + key)
                    .contains("retry 3 of 3");
            assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void theKeyOfAnUnknownOutcomeLearnsItAndAMalformedKeyIsAUsageError() {
        Ledger ledger = new Ledger();
        String key = "retry-me-7f3a";
        try (Service service = new Service(ledger.answerLost(), ledger.answer())) {
            ledger.keep(key);

            Run run = cli(service.url(), "deposit", "7", "25.50", "--idempotency-key", key);
            Run malformed = cli(service.url(), "deposit", "7", "25.50", "--idempotency-key", "has space");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(service.requests()).extracting(Request::key).containsExactly(key, key);
            assertThat(ledger.movements()).isOne();
            assertThat(run.out()).contains("Carried out once, by an earlier request with Idempotency-Key " + key);
            assertThat(malformed.exitCode()).isEqualTo(BmsCli.USAGE);
            assertThat(malformed.err()).contains("--idempotency-key", "visible ASCII");
            assertThat(service.requests()).hasSize(2);
        }
    }

    @Test
    void aRefusalIsReportedAndNotSentAgain() {
        String problem = "{\"type\":\"https://bms.example/problems/insufficient-funds\",\"title\":\"Insufficient"
                + " funds\",\"status\":409,\"detail\":\"Account 7 holds 1.00 USD, less than 5.00\"}";
        try (Service service = new Service(answer(409, problem))) {
            Run run = cli(service.url(), "withdraw", "7", "5.00");

            assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
            assertThat(run.err()).contains("Error 409: Insufficient funds", "less than 5.00");
            assertThat(service.requests()).hasSize(1);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void aRetryAnsweredWithAFailureOrInProgressIsSentAgainAndARefusalSettlesIt() {
        Ledger ledger = new Ledger();
        String unavailable = "{\"type\":\"https://bms.example/problems/database-unavailable\",\"status\":503}";
        String inProgress = "{\"type\":\"https://bms.example/problems/request-in-progress\",\"status\":409}";
        String notFound = "{\"type\":\"https://bms.example/problems/account-not-found\",\"title\":\"Account not"
                + " found\",\"status\":404}";
        try (Service service = new Service(
                ledger.answerLost(),
                answer(503, unavailable),
                answer(409, inProgress),
                ledger.answer(),
                Service.HANG_UP,
                answer(404, notFound))) {
            Run retried = cli(service.url(), "transfer", "3", "5", "1.00");
            Run refused = cli(service.url(), "transfer", "3", "6", "1.00");

            assertThat(retried.exitCode()).as(retried.toString()).isZero();
            assertThat(service.requests().subList(0, 4))
                    .extracting(Request::key)
                    .containsOnly(service.requests().get(0).key());
            assertThat(ledger.movements()).isOne();
            assertThat(retried.err()).contains("The service answered 503", "The service answered 409");
            assertThat(refused.exitCode()).isEqualTo(BmsCli.REFUSED);
            assertThat(refused.err()).contains("Error 404: Account not found");
            assertThat(service.requests()).hasSize(6);
            assertThat(service.requests().get(5).key())
                    .isEqualTo(service.requests().get(4).key())
                    .isNotEqualTo(service.requests().get(0).key());
            assertThat(pauses)
                    .containsExactly(
                            Duration.ofMillis(500),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2),
                            Duration.ofMillis(500));
        }
    }

    @Test
    void aMovementThatCannotConnectWasNotSentAndIsNotRetried() {
        Run run = cli("http://127.0.0.1:" + closedPort(), "deposit", "7", "1.00");

        assertThat(run.exitCode()).isEqualTo(BmsCli.UNAVAILABLE);
        assertThat(run.err()).contains("Cannot reach the service at http://127.0.0.1:");
        assertThat(pauses).isEmpty();
    }

    @Test
    void anAmountThatIsNotADecimalIsAUsageError() {
        Run run = Run.of("deposit", "7", "12,50");

        assertThat(run.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(run.err()).contains("AMOUNT", "12,50");
    }

    private static Run cli(String url, String... args) {
        return Run.as(TOKEN, url, args);
    }

    private static Answer created(String movement) {
        return answer(201, movement);
    }

    private static Answer ok(String body) {
        return answer(200, body);
    }

    private static Answer answer(int status, String body, String... headers) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request as the stand-in received it. */
    record Request(String line, String key, String contentType, String authorization, String body) {}

    /** How the stand-in answers one request. */
    interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    /**
     * The service's idempotency in miniature: one movement per Idempotency-Key, whose answer every later request with
     * that key gets again, marked {@code Idempotent-Replayed: true}.
     */
    private static final class Ledger {

        private final Map<String, String> kept = new ConcurrentHashMap<>();
        private final AtomicInteger movements = new AtomicInteger();

        /** Carries the request out (once per key) and answers it. */
        Answer answer() {
            return exchange -> {
                boolean replayed = kept.containsKey(key(exchange));
                String movement = carryOut(key(exchange));
                MovementCommandsTest.answer(
                                201, movement, replayed ? new String[] {"Idempotent-Replayed", "true"} : new String[0])
                        .write(exchange);
            };
        }

        /** Carries the request out (once per key), then hangs up: its answer is lost. */
        Answer answerLost() {
            return exchange -> carryOut(key(exchange));
        }

        /** A movement already carried out under {@code key}, by an earlier command. */
        void keep(String key) {
            carryOut(key);
        }

        int movements() {
            return movements.get();
        }

        private String carryOut(String key) {
            return kept.computeIfAbsent(key, k -> {
                movements.incrementAndGet();
                return DEPOSIT;
            });
        }

        private static String key(HttpExchange exchange) {
            return exchange.getRequestHeaders().getFirst("Idempotency-Key");
        }
    }

    /**
     * A stand-in for the service on 127.0.0.1: it records every request and answers each with the next answer of its
     * script; an answer that writes nothing hangs up without a word, as a connection that breaks does.
     */
    private static final class Service implements AutoCloseable {

        /** Closes the connection without answering. */
        static final Answer HANG_UP = exchange -> {};

        private final HttpServer server;
        private final Deque<Answer> script;
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        Service(Answer... script) {
            this.script = new ArrayDeque<>(List.of(script));
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    requests.add(new Request(
                            exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            body));
                    Answer next;
                    synchronized (this.script) {
                        next = this.script.poll();
                    }
                    (next == null ? answer(500, "{\"title\":\"Not in the script\"}") : next).write(exchange);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The requests received, in order; complete once the client's command has returned. */
        List<Request> requests() {
            return new ArrayList<>(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
