package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A write that cannot get the database within the lock timeout is a 503 that changed nothing, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/busy-${random.uuid}.sqlite",
            "bms.database.lock-timeout=1s",
            "LOG_PATH=target/test-logs"
        })
@SqliteOnly
class DatabaseBusyTest {

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("writerDataSource")
    private HikariDataSource writer;

    @Test
    void writesAndTotalsWaitingPastTheLockTimeoutAreRefusedWithRetryAfter() throws Exception {
        var api = new ApiClient(port);
        long id = api.create("Busy Bea", "1357924680", "0").id();

        try (Connection held = writer.getConnection()) {
            held.setAutoCommit(false);
            assertBusy(api.post("/accounts", Json.account("Late Larry", "2468013579", "1")));
            assertBusy(api.delete("/accounts/" + id));
            assertBusy(api.get("/batch/total", "Cache-Control", "no-cache"));
            held.rollback();
        }

        json(api.get("/accounts?number=2468013579"))
                .extractingPath("$.page.totalElements")
                .isEqualTo(0);
        json(api.get("/accounts/" + id)).extractingPath("$.status").isEqualTo("ACTIVE");
        assertThat(api.delete("/accounts/" + id).status()).isEqualTo(204);
    }

    private static void assertBusy(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("1");
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/database-unavailable");
    }
}
