package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The command-line client against the running service, each command as a user would type it. */
@TestPropertySource(properties = "bms.database.url=target/test-db/cli-${random.uuid}.sqlite")
class BmsCliTest extends HttpIntegrationTest {

    /** Reads what the client printed with Jackson's own data binding, not with the client's parser. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Test
    void createOpensAnAccountAndPrintsItsBalanceAsTheServiceWroteIt() {
        String number = uniqueNumber();

        Run run = cli("create", "Ada Lovelace", number, "1000.5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Ada Lovelace", number, "1000.50", "USD", "ACTIVE");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void createWithJsonPrintsTheServicesJsonWithExactAmounts() {
        Run run = cli("--json", "create", "Grace Hopper", uniqueNumber(), "999999999999999.99");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"balance\":999999999999999.99");
        assertThat(json(run).path("name").asString()).isEqualTo("Grace Hopper");
    }

    @Test
    void createTakesACurrency() {
        Run run = cli("create", "Erika Mustermann", "DE89 3704 0044 0532 0130 00", "250.5", "--currency", "EUR");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("DE89370400440532013000", "250.50", "EUR");
    }

    @Test
    void anInvalidAccountIsRefusedWithTheProblemAndEachFieldInError() {
        Run run = cli("create", "Ann", uniqueNumber(), "10.101");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("400", "Invalid request", "balance: ");
    }

    @Test
    void aDuplicateNumberIsRefused() {
        String number = uniqueNumber();
        cli("create", "First", number, "0");

        Run run = cli("create", "Second", number, "0");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.err()).contains("409", "Account number already in use");
    }

    @Test
    void getShowsOneAccount() {
        long id = open("Alan Turing", "42.00");

        Run run = cli("get", String.valueOf(id));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Alan Turing", "42.00", "version");
    }

    @Test
    void anUnknownAccountExitsOneWithTheProblemsTitleAndDetail() {
        Run run = cli("get", "987654321");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("404", "Account not found", "987654321");
    }

    @Test
    void listFiltersByNameNumberAndStatus() {
        String tag = tag();
        long first = open("Filter " + tag + " one", "1.00");
        open("Filter " + tag + " two", "2.00");
        long closed = open("Filter " + tag + " three", "0");
        cli("close", String.valueOf(closed));

        Run byName = cli("list", "--name", tag.toUpperCase());
        Run byNumber = cli("--json", "list", "--number", numberOf(first));
        Run closedOnes = cli("list", "--name", tag, "--status", "closed");

        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        assertThat(byName.out())
                .contains(tag + " one", tag + " two", "2 accounts")
                .doesNotContain(tag + " three");
        assertThat(json(byNumber).path("content").values())
                .singleElement()
                .satisfies(account -> assertThat(account.path("id").asLong()).isEqualTo(first));
        assertThat(closedOnes.out())
                .contains(tag + " three", "CLOSED", "1 account")
                .doesNotContain(tag + " one");
    }

    @Test
    void listShowsOnePageAndAllWalksEveryPage() {
        String tag = tag();
        for (int i = 0; i < 5; i++) {
            open("Paged " + tag + " " + i, i + ".00");
        }

        Run firstPage = cli("list", "--name", tag, "--size", "2");
        Run secondPage = cli("--json", "list", "--name", tag, "--size", "2", "--page", "1");
        Run everything = cli("list", "--name", tag, "--size", "2", "--all");
        Run everythingAsJson = cli("list", "--name", tag, "--size", "2", "--all", "--json");

        assertThat(firstPage.out()).contains(tag + " 0", tag + " 1", "5 accounts, page 1 of 3", "--page 1");
        assertThat(firstPage.out()).doesNotContain(tag + " 2");
        assertThat(json(secondPage).path("page").path("number").asInt()).isOne();
        assertThat(everything.exitCode()).as(everything.toString()).isZero();
        assertThat(everything.out()).contains(tag + " 0", tag + " 4", "4.00", "5 accounts");
        assertThat(json(everythingAsJson).values())
                .extracting(account -> account.path("name").asString())
                .containsExactly(names("Paged " + tag + " ", 5));
        assertThat(everythingAsJson.out()).contains("\"balance\":4.00");
    }

    @Test
    void updateChangesOneFieldAndKeepsTheOthers() {
        long id = open("Barbara Liskov", "10.00");
        String number = numberOf(id);

        Run run = cli("update", String.valueOf(id), "--balance", "12.5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode account = json(cli("--json", "get", String.valueOf(id)));
        assertThat(account.path("name").asString()).isEqualTo("Barbara Liskov");
        assertThat(account.path("number").asString()).isEqualTo(number);
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(account.path("version").asLong()).isOne();
    }

    @Test
    void updateWithAStaleVersionIsRefused() {
        long id = open("Edsger Dijkstra", "10.00");
        cli("update", String.valueOf(id), "--name", "E. W. Dijkstra");

        Run run = cli("update", String.valueOf(id), "--balance", "0", "--if-match", "0");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.err()).contains("412");
        assertThat(json(cli("--json", "get", String.valueOf(id)))
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void updateWithoutAnyFieldIsAUsageError() {
        Run run = cli("update", "1");

        assertThat(run.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(run.err()).contains("--balance");
    }

    @Test
    void closeClosesAnEmptyAccountAndRefusesOneWithMoney() {
        long empty = open("Empty", "0");
        long funded = open("Funded", "5.00");

        Run closed = cli("close", String.valueOf(empty));
        Run refused = cli("close", String.valueOf(funded));

        assertThat(closed.exitCode()).as(closed.toString()).isZero();
        assertThat(closed.out()).contains("Account " + empty + " is closed");
        assertThat(json(cli("--json", "get", String.valueOf(empty)))
                        .path("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(refused.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(refused.err()).contains("409", "5.00");
    }

    @Test
    void totalSumsActiveAccountsPerCurrency() {
        // No other test opens JPY accounts, so this currency's line is exactly these two.
        cli("create", "Yen one", uniqueNumber(), "1000", "--currency", "JPY");
        cli("create", "Yen two", uniqueNumber(), "2345", "--currency", "JPY");

        Run table = cli("total", "--fresh");
        Run asJson = cli("total", "--json");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("JPY\\s+3345\\s+2\\n").contains("active account", " as of ");
        JsonNode yen = json(asJson).path("totals").values().stream()
                .filter(total -> total.path("currency").asString().equals("JPY"))
                .findFirst()
                .orElseThrow();
        assertThat(yen.path("total").decimalValue()).isEqualByComparingTo("3345");
        assertThat(yen.path("accounts").asLong()).isEqualTo(2);
    }

    @Test
    void depositWithdrawTransferAndReverseMoveMoneyAndTheStatementAddsUp() {
        long payer = open("Payer", "100.00");
        long payee = open("Payee", "0");

        Run deposit = cli("--json", "deposit", String.valueOf(payer), "50.25", "--reference", "Cash at the counter");
        Run withdrawal = cli("withdraw", String.valueOf(payer), "0.25");
        Run transfer =
                cli("--json", "transfer", String.valueOf(payer), String.valueOf(payee), "30.00", "--reference", "Rent");
        long transferId = json(transfer).path("id").asLong();
        Run reversal = cli("reverse", String.valueOf(transferId), "--reference", "Paid twice");
        Run tooMuch = cli("withdraw", String.valueOf(payee), "0.01");
        Run statement = cli("--json", "statement", String.valueOf(payer));
        Run firstPage = cli("statement", String.valueOf(payer), "--size", "2");

        JsonNode deposited = json(deposit);
        assertThat(deposited.path("type").asString()).isEqualTo("DEPOSIT");
        assertThat(deposited.path("amount").decimalValue()).isEqualByComparingTo("50.25");
        assertThat(deposited.path("to").asLong()).isEqualTo(payer);
        assertThat(deposited.path("from").isNull()).isTrue();
        assertThat(deposited.path("reference").asString()).isEqualTo("Cash at the counter");
        assertThat(withdrawal.exitCode()).as(withdrawal.toString()).isZero();
        assertThat(withdrawal.out()).containsPattern("(?m)^type +WITHDRAWAL$").containsPattern("(?m)^amount +0\\.25$");
        assertThat(json(transfer).path("from").asLong()).isEqualTo(payer);
        assertThat(json(transfer).path("to").asLong()).isEqualTo(payee);
        assertThat(reversal.exitCode()).as(reversal.toString()).isZero();
        assertThat(reversal.out())
                .containsPattern("(?m)^type +REVERSAL$")
                .containsPattern("(?m)^reverses +" + transferId + "$")
                .containsPattern("(?m)^amount +30\\.00$");
        assertThat(tooMuch.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(tooMuch.err()).contains("409");
        List<JsonNode> lines = List.copyOf(json(statement).path("content").values());
        assertThat(lines)
                .extracting(line -> line.path("type").asString())
                .containsExactly("REVERSAL", "TRANSFER", "WITHDRAWAL", "DEPOSIT", "OPENING");
        assertThat(lines)
                .extracting(line -> line.path("amount").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("30.00", "-30.00", "-0.25", "50.25", "100.00"));
        assertThat(lines)
                .extracting(line -> line.path("balanceAfter").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(decimals("150.00", "120.00", "150.00", "150.25", "100.00"));
        assertThat(json(cli("--json", "get", String.valueOf(payer)))
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("150.00");
        assertThat(firstPage.out())
                .containsPattern("(?m)^ +\\d+ +REVERSAL +30\\.00 +150\\.00 +" + payee + " +Paid twice ")
                .contains("5 movements, page 1 of 3 (--page 1 for the next)");
    }

    @Test
    void theSameKeyTwiceMovesMoneyOnceAndTheRepeatSaysSo() {
        long id = open("Twice", "0");
        String key = "cli-" + tag();

        Run first = cli("--json", "deposit", String.valueOf(id), "7.00", "--idempotency-key", key);
        Run again = cli("deposit", String.valueOf(id), "7.00", "--idempotency-key", key);

        long movement = json(first).path("id").asLong();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out())
                .containsPattern("(?m)^id +" + movement + "$")
                .contains("Carried out once, by an earlier request with Idempotency-Key " + key);
        assertThat(json(cli("--json", "get", String.valueOf(id)))
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("7.00");
    }

    /** A proxy in front of the service passes the first deposit on and loses the service's answer on its way back. */
    @Test
    void aDepositWhoseAnswerIsLostIsSentAgainWithTheSameKeyAndMovesMoneyOnce() {
        MovementPost.pause = duration -> {};
        long id = open("Lost answer", "0");

        Run run;
        List<String> keys;
        try (LosingProxy proxy = new LosingProxy(port)) {
            run = Run.at(proxy.url(), "deposit", String.valueOf(id), "12.34");
            keys = proxy.keys();
        }

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isNotNull().isEqualTo(keys.get(0));
        assertThat(run.err()).contains("Outcome unknown (", "retry 1 of 3");
        assertThat(run.out())
                .containsPattern("(?m)^amount +12\\.34$")
                .contains("Carried out once, by an earlier request with Idempotency-Key " + keys.get(0));
        assertThat(json(cli("--json", "get", String.valueOf(id)))
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("12.34");
        assertThat(json(cli("--json", "statement", String.valueOf(id)))
                        .path("content")
                        .values())
                .singleElement()
                .satisfies(line -> assertThat(line.path("type").asString()).isEqualTo("DEPOSIT"));
    }

    @Test
    void reconcileFindsEveryBalanceEqualToItsPostings() {
        long id = open("Reconciled", "10.00");
        cli("deposit", String.valueOf(id), "5.00");

        Run table = cli("reconcile");
        Run asJson = cli("--json", "reconcile");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("(?m)^USD +\\d+ ").contains(" as of ", ": no mismatches (");
        JsonNode reconciliation = json(asJson);
        assertThat(reconciliation.path("mismatches").values()).isEmpty();
        JsonNode usd = reconciliation.path("currencies").values().stream()
                .filter(currency -> currency.path("currency").asString().equals("USD"))
                .findFirst()
                .orElseThrow();
        assertThat(usd.path("postings").decimalValue())
                .isEqualByComparingTo(usd.path("balances").decimalValue())
                .isEqualByComparingTo(usd.path("outside").decimalValue().negate())
                .isGreaterThanOrEqualTo(new BigDecimal("15.00"));
    }

    @Test
    void anUnreachableServiceExitsTwo() {
        Run run = Run.at("http://127.0.0.1:" + closedPort(), "list");

        assertThat(run.exitCode()).isEqualTo(BmsCli.UNAVAILABLE);
        assertThat(run.err()).contains("Cannot reach the service at http://127.0.0.1:");
    }

    @Test
    void theUrlMayFollowTheCommandAndAMalformedOneIsAUsageError() {
        Run after = Run.of("list", "--url", "http://127.0.0.1:" + port, "--size", "1", "--token", Tokens.admin());
        Run malformed = Run.of("list", "--url", "localhost:8080");

        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(malformed.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(malformed.err()).contains("--url");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of(
                "create",
                "list",
                "get",
                "update",
                "close",
                "deposit",
                "withdraw",
                "transfer",
                "reverse",
                "statement",
                "total",
                "reconcile",
                "rates",
                "token")) {
            Run run = Run.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: bms-cli " + command);
        }
        assertThat(Run.of("--help").out()).contains("Exit codes:");
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = Run.of();

        assertThat(run.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(run.err()).contains("Usage: bms-cli");
    }

    /** The banks' pages are a closed local port here, so the source fails, nothing is cached, and it is a 503. */
    @Test
    void ratesWithTheSourceUnavailableExitsTwoWithTheProblem() {
        Run unavailable = cli("rates");
        Run unknown = cli("rates", "--source", "nope");

        assertThat(unavailable.exitCode()).as(unavailable.toString()).isEqualTo(BmsCli.UNAVAILABLE);
        assertThat(unavailable.err()).contains("503").containsIgnoringCase("unavailable");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(BmsCli.REFUSED);
        assertThat(unknown.err()).contains("400");
    }

    @Test
    void theServiceJarRunsTheClientOnlyWhenAskedTo() {
        assertThat(BmsCli.isInvoked(new String[] {"client", "list"})).isTrue();
        assertThat(BmsCli.isInvoked(new String[] {"--server.port=0"})).isFalse();
        assertThat(BmsCli.isInvoked(new String[0])).isFalse();
    }

    @AfterEach
    void sleepBetweenRetriesAgain() {
        MovementPost.pause = MovementPost.SLEEP;
    }

    private long open(String name, String balance) {
        Run run = cli("--json", "create", name, uniqueNumber(), balance);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return json(run).path("id").asLong();
    }

    private String numberOf(long id) {
        return json(cli("--json", "get", String.valueOf(id))).path("number").asString();
    }

    private Run cli(String... args) {
        return Run.at("http://127.0.0.1:" + port, args);
    }

    private static JsonNode json(Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + i;
        }
        return names;
    }

    private static BigDecimal[] decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passes each request on to the service at {@code port} and its answer back, except the first answer: the service
     * carried that request out, but the proxy hangs up instead of answering, as a connection that breaks does.
     */
    private static final class LosingProxy implements AutoCloseable {

        private final HttpServer server;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<String> keys = new CopyOnWriteArrayList<>();

        LosingProxy(int port) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + exchange.getRequestURI()))
                            .method(
                                    exchange.getRequestMethod(),
                                    HttpRequest.BodyPublishers.ofByteArray(
                                            exchange.getRequestBody().readAllBytes()));
                    for (String name : List.of("Authorization", "Idempotency-Key", "Content-Type", "Accept")) {
                        String value = exchange.getRequestHeaders().getFirst(name);
                        if (value != null) {
                            request.header(name, value);
                        }
                    }
                    HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (keys.size() == 1) {
                        return;
                    }
                    for (String name : List.of("Content-Type", "Location", "Idempotent-Replayed")) {
                        answer.headers()
                                .firstValue(name)
                                .ifPresent(
                                        value -> exchange.getResponseHeaders().set(name, value));
                    }
                    exchange.sendResponseHeaders(
                            answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The Idempotency-Key of each request passed on, in order. */
        List<String> keys() {
            return List.copyOf(keys);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
