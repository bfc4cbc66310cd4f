package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bms.support.JsonAssertions.json;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.PostgresOnly;
import org.bms.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL's faults, injected for real on the machine's server: a row lock another session holds past the lock
 * timeout, and connections the server drops mid-request. Clients get 503 problems with Retry-After, never a 500,
 * and every write they were told succeeded is there.
 */
@PostgresOnly
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/pg-faults-${random.uuid}.sqlite",
            "bms.database.lock-timeout=1s",
            "LOG_PATH=target/test-logs"
        })
class PostgresFaultsTest {

    @LocalServerPort
    private int port;

    @Autowired
    private HikariDataSource dataSource;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void aRowLockHeldPastTheLockTimeoutIsA503AndTheChangeDidNotHappen() throws SQLException {
        Response opened = api.create("Locked Out", TestData.accountNumber(), "10.00");
        assertThat(opened.status()).isEqualTo(201);
        try (Connection other = directConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement
                        .executeQuery("SELECT * FROM account WHERE id = " + opened.id() + " FOR UPDATE")
                        .close();
            }

            Response revised = api.put(
                    "/accounts/" + opened.id(),
                    Json.account("Never Renamed", opened.<String>json("$.number"), "10.00"),
                    "If-Match",
                    opened.etag());

            assertThat(revised.status()).as(revised.toString()).isEqualTo(503);
            assertThat(revised.header("Retry-After")).isPresent();
            json(revised).extractingPath("$.type").isEqualTo("https://bms.example/problems/database-unavailable");
            other.rollback();
        }
        Response after = api.get("/accounts/" + opened.id());
        json(after).extractingPath("$.name").isEqualTo("Locked Out");
        assertThat(after.etag()).isEqualTo(opened.etag());
        // Once the lock is gone the same change succeeds, without a restart.
        Response retried = api.put(
                "/accounts/" + opened.id(),
                Json.account("Renamed At Last", opened.<String>json("$.number"), "10.00"),
                "If-Match",
                opened.etag());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    }

    @Test
    void connectionsDroppedByTheServerMidRequestGiveNo500AndLoseNoAcknowledgedWrite() throws Exception {
        // Every 20 ms: often enough that most requests lose their connection, seldom enough that some get through.
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        killer.scheduleAtFixedRate(this::terminateServiceConnections, 0, 20, TimeUnit.MILLISECONDS);
        Set<String> acknowledged = new HashSet<>();
        Set<String> attempted = new HashSet<>();
        List<String> unexpected = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String number = TestData.accountNumber();
                attempted.add(number);
                Response response = api.create("Dropped Connection", number, "1.00");
                if (response.status() == 201) {
                    acknowledged.add(number);
                } else if (response.status() != 503
                        || response.header("Retry-After").isEmpty()) {
                    unexpected.add(response.toString());
                }
            }
        } finally {
            killer.shutdown();
            assertThat(killer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(unexpected).isEmpty();
        assertThat(acknowledged).as("some writes got through between the drops").isNotEmpty();
        Set<String> stored = storedNumbers();
        assertThat(stored).containsAll(acknowledged);
        assertThat(attempted).containsAll(stored);
        // And the service is whole again once the server stops dropping it, without a restart: the pool finds the
        // connections that were cut as it hands them out (each such request a 503), and opens new ones.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response after = api.create("After The Storm", TestData.accountNumber(), "1.00");
            if (after.status() != 201) {
                assertThat(after.status()).as(after.toString()).isEqualTo(503);
                json(after)
                        .extractingPath("$.type")
                        .asString()
                        .as(after.toString())
                        .isEqualTo("https://bms.example/problems/database-unavailable");
                assertThat(after.header("Retry-After")).as(after.toString()).isPresent();
            }
            return after.status() == 201;
        });
    }

    private void terminateServiceConnections() {
        try (Connection admin = directConnection();
                Statement statement = admin.createStatement()) {
            statement
                    .executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()")
                    .close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> storedNumbers() throws SQLException {
        Set<String> numbers = new HashSet<>();
        try (Connection connection = directConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT number FROM account")) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        return numbers;
    }

    private Connection directConnection() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), "postgres", "");
    }
}
