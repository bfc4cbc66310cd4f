package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
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
        for (String command : List.of("create", "list", "get", "update", "close", "total", "rates", "token")) {
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
