package org.bms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.PostgresOnly;
import org.bms.support.Smtp;
import org.bms.support.TestData;
import org.bms.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several instances on one PostgreSQL database act as one service: each creation e-mail goes out exactly once
 * whichever instance created the account and whichever was killed, a number is taken once, and a total asked of
 * one instance includes every write another acknowledged, from one consistent snapshot.
 */
@PostgresOnly
class SeveralInstancesTest {

    private final Smtp smtp = new Smtp();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Integer> processPorts = new ConcurrentHashMap<>();
    private String database;

    @BeforeEach
    void freshDatabase() {
        database = "postgresql://postgres@127.0.0.1:5432/"
                + TestDatabase.databaseFor("target/test-db/instances-" + UUID.randomUUID() + ".sqlite");
        smtp.start();
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        processes.forEach(Process::destroyForcibly);
        smtp.stop();
    }

    @Test
    void aHundredAccountsOpenedOnTwoInstancesAreMailedOnceEach() throws Exception {
        ApiClient a = client(start(smtp.properties()));
        ApiClient b = client(start(smtp.properties()));

        List<Long> ids = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> created = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ApiClient api = i % 2 == 0 ? a : b;
                created.add(clients.submit(() -> api.create("Twice Served", TestData.accountNumber(), "1.00")));
            }
            for (Future<Response> response : created) {
                assertThat(response.get().status())
                        .as(response.get().toString())
                        .isEqualTo(201);
                ids.add(response.get().id());
            }
        } finally {
            clients.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 100);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> smtp.received().size() == 100);
        for (long id : ids) {
            assertThat(smtp.about(id)).as("mails about account %d", id).hasSize(1);
        }
    }

    @Test
    void aMailClaimedByAKilledInstanceIsSentOnceByAnother() throws Exception {
        // The doomed instance cannot reach its mail server and keeps retrying, holding (and renewing) its claims.
        Process doomed = startProcess(unreachableSmtp());
        ApiClient doomedApi = new ApiClient(port(doomed));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response created = doomedApi.create("Left Behind", TestData.accountNumber(), "1.00");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.id());
        }
        // Before the healthy instance starts, every claim is the doomed one's.
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                database.replace("postgresql://postgres@", "jdbc:postgresql://"), "postgres", ""));
        String claimed = "SELECT account_id FROM notification WHERE status = 'SENDING' AND claimed_by IS NOT NULL";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !jdbc.queryForList(claimed, Long.class).isEmpty());
        List<Long> held = jdbc.queryForList(claimed, Long.class);
        start(smtp.properties());
        // While the doomed instance lives its claims hold: the healthy one leaves them alone (it may send the ones
        // the doomed instance had only queued, which are still pending).
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .until(() -> held.stream().allMatch(id -> smtp.about(id).isEmpty()));

        doomed.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 5);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> smtp.received().size() == 5);
        for (long id : ids) {
            assertThat(smtp.about(id)).as("mails about account %d", id).hasSize(1);
        }
        assertThat(jdbc.queryForList("SELECT status FROM notification", String.class))
                .containsOnly("SENT");
    }

    @Test
    void theSameNumberRacedOnTwoInstancesIsOpenedOnce() throws Exception {
        ApiClient a = client(start());
        ApiClient b = client(start());
        for (int round = 0; round < 10; round++) {
            String number = TestData.accountNumber();
            List<Response> responses = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                Future<Response> onA = clients.submit(() -> a.create("Racer A", number, "1.00"));
                Future<Response> onB = clients.submit(() -> b.create("Racer B", number, "1.00"));
                responses.add(onA.get());
                responses.add(onB.get());
            } finally {
                clients.shutdownNow();
            }
            assertThat(responses)
                    .extracting(Response::status)
                    .as(responses::toString)
                    .containsExactlyInAnyOrder(201, 409);
            assertThat(responses)
                    .filteredOn(response -> response.status() == 409)
                    .singleElement()
                    .extracting(response -> response.<String>json("$.type"))
                    .isEqualTo("https://bms.example/problems/duplicate-account-number");
        }
    }

    @Test
    void aTotalAskedOfOneInstanceIncludesAWriteTheOtherAcknowledged() {
        ApiClient a = client(start());
        ApiClient b = client(start());
        assertThat(usdTotal(b)).isEqualByComparingTo("0");
        for (int i = 1; i <= 5; i++) {
            assertThat(a.create("Seen Everywhere", TestData.accountNumber(), "10.00")
                            .status())
                    .isEqualTo(201);
            // b's cached total was computed before the write; it must not be served again.
            assertThat(usdTotal(b)).isEqualByComparingTo(new BigDecimal(10 * i));
        }
    }

    @Test
    void totalsUnderConcurrentWritesOnBothInstancesAreEachOneSnapshot() throws Exception {
        ApiClient a = client(start());
        ApiClient b = client(start());
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> inconsistent = new ConcurrentLinkedQueue<>();
        AtomicLong acknowledged = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (ApiClient writer : List.of(a, b)) {
                threads.submit(() -> {
                    while (writing.get()) {
                        if (writer.create("Busy Writer", TestData.accountNumber(), "2.00")
                                        .status()
                                == 201) {
                            acknowledged.incrementAndGet();
                        }
                    }
                });
            }
            for (int i = 0; i < 20; i++) {
                Response total = (i % 2 == 0 ? a : b).get("/batch/total", "Cache-Control", "no-cache");
                assertThat(total.status()).isEqualTo(200);
                long accounts = total.json("$.accounts", Long.class);
                BigDecimal usd = accounts == 0 ? BigDecimal.ZERO : total.decimal("$.totals[0].total");
                // Every account holds 2.00: one snapshot means the sum and the count agree.
                if (usd.compareTo(BigDecimal.valueOf(2 * accounts)) != 0) {
                    inconsistent.add(total.body());
                }
            }
        } finally {
            writing.set(false);
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(inconsistent).isEmpty();
        assertThat(usdTotal(a)).isEqualByComparingTo(BigDecimal.valueOf(2 * acknowledged.get()));
    }

    private static BigDecimal usdTotal(ApiClient api) {
        Response total = api.get("/batch/total");
        assertThat(total.status()).as(total.toString()).isEqualTo(200);
        List<Object> totals = total.json("$.totals[*].total");
        return totals.isEmpty() ? BigDecimal.ZERO : total.decimal("$.totals[0].total");
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(baseSettings());
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(BmsApplication.class).run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private List<String> baseSettings() {
        return List.of(
                "--server.port=0",
                "--bms.database.url=" + database,
                "--LOG_PATH=target/test-logs",
                "--bms.mail.sweep-interval=300ms",
                "--bms.mail.lease=2s",
                "--bms.scraper.sources.ecb.url=http://127.0.0.1:9/ecb",
                "--bms.scraper.sources.fed.url=http://127.0.0.1:9/fed");
    }

    /** A service in a process of its own, so that it can be killed outright. */
    private Process startProcess(String... settings) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BmsApplication.class.getName()));
        command.addAll(baseSettings().stream()
                .map(setting -> setting.equals("--server.port=0") ? "--server.port=" + port : setting)
                .toList());
        for (String setting : settings) {
            command.add("--" + setting);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target/test-logs/instance-" + port + ".log").toFile())
                .start();
        processes.add(process);
        processPorts.put(process, port);
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> api.anonymous().get("/actuator/health").status() == 200);
        return process;
    }

    private int port(Process process) {
        return processPorts.get(process);
    }

    private String[] unreachableSmtp() throws IOException {
        String closedPort = "bms.mail.port=" + freePort();
        List<String> settings = new ArrayList<>(List.of(smtp.properties()));
        settings.replaceAll(setting -> setting.startsWith("bms.mail.port=") ? closedPort : setting);
        settings.replaceAll(setting ->
                setting.startsWith("bms.mail.retry.max-retries=") ? "bms.mail.retry.max-retries=100" : setting);
        return settings.toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(context.getEnvironment().getProperty("local.server.port", Integer.class));
    }
}
