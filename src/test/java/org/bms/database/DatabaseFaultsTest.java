package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.bms.support.JsonAssertions.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bms.BmsApplication;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.SqliteOnly;
import org.bms.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each fault injected for real into a running service: another connection holding the write lock past the
 * timeout, a full file system, a file made unwritable, a file deleted or replaced. During the fault every write
 * is refused with 503 or 507 and never 500; once the cause is gone, writes succeed again without a restart; and
 * the database holds exactly the writes that were acknowledged.
 */
@SqliteOnly
class DatabaseFaultsTest {

    @TempDir
    Path directory;

    @Test
    void aWriteLockHeldPastTheTimeoutIsRefusedThenEveryWriteSucceedsWhole() throws Exception {
        Path database = directory.resolve("bms.sqlite");
        var writes = new Writes();
        try (var service = start(database, Duration.ofSeconds(3))) {
            writes.expectAll(service.api(), 3, 201);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                for (int i = 0; i < 2; i++) {
                    Response refused = writes.attempt(service.api());
                    assertRefused(refused, 503, "database-unavailable");
                }
                // Health never waits on the writer: it answers at once, and the service stays ready.
                assertThat(timedStatus(service.api(), "/actuator/health/readiness"))
                        .isEqualTo(200);
                assertThat(timedStatus(service.api(), "/actuator/health")).isEqualTo(200);
                lock.execute("ROLLBACK");
            }
            writes.expectAll(service.api(), 20, 201);
        }
        assertThat(numbersIn(database)).isEqualTo(writes.acknowledged());
    }

    @Test
    void aFullDiskIsRefusedWith507ThenEveryWriteSucceedsOnceSpaceIsFreed() throws Exception {
        Path mount = Files.createDirectories(directory.resolve("small-disk"));
        assumeThat(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()))
                .as("mounting a small tmpfs (needs root)")
                .isZero();
        Path database = mount.resolve("bms.sqlite");
        var writes = new Writes();
        try {
            try (var service = start(database)) {
                writes.expectAll(service.api(), 3, 201);
                Path filler = mount.resolve("filler");
                fill(filler);

                List<Integer> during = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Response answer = writes.attempt(service.api());
                    // A write that still fits is acknowledged; any other is refused for the full disk.
                    if (answer.status() != 201) {
                        assertRefused(answer, 507, "insufficient-storage");
                    }
                    during.add(answer.status());
                }
                assertThat(during).contains(507);
                Response refused = writes.attempt(service.api());
                assertRefused(refused, 507, "insufficient-storage");
                assertThat(timedStatus(service.api(), "/actuator/health/readiness"))
                        .isEqualTo(503);

                Files.delete(filler);
                writes.expectAll(service.api(), 20, 201);
                assertThat(timedStatus(service.api(), "/actuator/health/readiness"))
                        .isEqualTo(200);
            }
            assertThat(numbersIn(database)).isEqualTo(writes.acknowledged());
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void anUnwritableFileIsRefusedWith503ThenEveryWriteSucceedsWhenItIsWritableAgain() throws Exception {
        Path database = directory.resolve("bms.sqlite");
        Path wal = directory.resolve("bms.sqlite-wal");
        var writes = new Writes();
        try (var service = start(database)) {
            writes.expectAll(service.api(), 3, 201);
            // Immutable rather than chmod: permissions do not stop root, and the files are open already.
            assumeThat(run("chattr", "+i", database.toString(), wal.toString()))
                    .as("chattr +i (needs root on ext4)")
                    .isZero();
            try {
                for (int i = 0; i < 3; i++) {
                    assertRefused(writes.attempt(service.api()), 503, "database-unavailable");
                }
                assertThat(timedStatus(service.api(), "/actuator/health/readiness"))
                        .isEqualTo(503);
            } finally {
                run("chattr", "-i", database.toString(), wal.toString());
            }
            writes.expectAll(service.api(), 20, 201);
            assertThat(timedStatus(service.api(), "/actuator/health/readiness")).isEqualTo(200);
        }
        assertThat(numbersIn(database)).isEqualTo(writes.acknowledged());
    }

    @Test
    void aDeletedDatabaseFileRefusesEveryWriteAndTakesTheServiceOutOfReadiness() throws Exception {
        Path database = directory.resolve("bms.sqlite");
        Path kept = directory.resolve("kept.sqlite");
        var writes = new Writes();
        try (var service = start(database)) {
            writes.expectAll(service.api(), 3, 201);
            Files.copy(database, kept);
            Files.copy(directory.resolve("bms.sqlite-wal"), directory.resolve("kept.sqlite-wal"));
            Files.delete(database);

            for (int i = 0; i < 5; i++) {
                assertRefused(writes.attempt(service.api()), 503, "database-unavailable");
            }
            assertThat(timedStatus(service.api(), "/actuator/health/readiness")).isEqualTo(503);
            assertThat(timedStatus(service.api(), "/actuator/health/liveness")).isEqualTo(200);
        }
        assertThat(numbersIn(kept)).isEqualTo(writes.acknowledged());
    }

    @Test
    void aReplacedDatabaseFileRefusesEveryWrite() throws Exception {
        Path database = directory.resolve("bms.sqlite");
        var writes = new Writes();
        try (var service = start(database)) {
            writes.expectAll(service.api(), 3, 201);
            Path copy = directory.resolve("copy.sqlite");
            Files.copy(database, copy);
            Files.move(copy, database, StandardCopyOption.REPLACE_EXISTING);

            for (int i = 0; i < 5; i++) {
                assertRefused(writes.attempt(service.api()), 503, "database-unavailable");
            }
            assertThat(timedStatus(service.api(), "/actuator/health/readiness")).isEqualTo(503);
        }
        assertThat(numbersIn(database)).isSubsetOf(writes.acknowledged());
    }

    private static void assertRefused(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/" + type);
        assertThat(response.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    /** The status of a health request, which must come back within two seconds whatever the database does. */
    private static int timedStatus(ApiClient api, String path) {
        long start = System.nanoTime();
        int status = api.get(path).status();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .as("%s answered within 2 s", path)
                .isLessThan(2_000);
        return status;
    }

    /** Writes zeros until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("space");
        }
    }

    private static Set<String> numbersIn(Path database) throws SQLException {
        Set<String> numbers = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT number FROM account")) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        return numbers;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor();
    }

    /** Creates accounts and remembers the numbers the service acknowledged with 201. */
    private static final class Writes {

        private final Set<String> acknowledged = new HashSet<>();

        Response attempt(ApiClient api) {
            String number = TestData.accountNumber();
            Response response = api.create("Fault Tolerant", number, "1.00");
            assertThat(response.status()).as(response.toString()).isNotEqualTo(500);
            if (response.status() == 201) {
                acknowledged.add(number);
            }
            return response;
        }

        List<Integer> attemptAll(ApiClient api, int count) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                statuses.add(attempt(api).status());
            }
            return statuses;
        }

        void expectAll(ApiClient api, int count, int status) {
            assertThat(attemptAll(api, count)).containsOnly(status).hasSize(count);
        }

        Set<String> acknowledged() {
            return acknowledged;
        }
    }

    private record Service(ConfigurableApplicationContext context, ApiClient api) implements AutoCloseable {

        @Override
        public void close() {
            context.close();
        }
    }

    private static Service start(Path database) {
        return start(database, Duration.ofSeconds(1));
    }

    private static Service start(Path database, Duration lockTimeout) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BmsApplication.class)
                .run(
                        "--server.port=0",
                        "--bms.database.url=" + database,
                        "--bms.database.lock-timeout=" + lockTimeout.toMillis() + "ms",
                        "--bms.database.min-free-space=64KB",
                        "--LOG_PATH=target/test-logs",
                        "--bms.scraper.sources.ecb.url=http://127.0.0.1:9/ecb",
                        "--bms.scraper.sources.fed.url=http://127.0.0.1:9/fed");
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        return new Service(context, new ApiClient(port));
    }
}
