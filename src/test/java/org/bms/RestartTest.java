package org.bms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Accounts are in the SQLite file, not in the process: stopping and starting the service keeps them as they were. */
class RestartTest {

    @TempDir
    Path directory;

    @Test
    void accountsSurviveARestartOnTheSameFileUnchanged() {
        Path database = directory.resolve("data").resolve("bms.sqlite");
        assertThat(database).doesNotExist();

        Map<Long, String> before = new LinkedHashMap<>();
        long closedId;
        try (ConfigurableApplicationContext first = start(database)) {
            if (!TestDatabase.isPostgres()) {
                assertThat(database).as("created on first start").isRegularFile();
            }
            ApiClient api = client(first);

            Response plain = api.create("Ada Lovelace", "1000000001", "1234.56");
            Response euros = api.post("/accounts", Json.account("Émile Zola", "2000000002", "\"0.01\"", "EUR"));
            Response yen = api.post("/accounts", Json.account("Hokusai", "3000000003", "1000000", "JPY"));
            Response iban = api.create("Iban Holder", "GB82 WEST 1234 5698 7654 32", "42");
            for (Response created : new Response[] {plain, euros, yen, iban}) {
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
            Response revised = api.put(
                    "/accounts/" + plain.id(),
                    Json.account("Ada King", "1000000001", "99.99"),
                    "If-Match",
                    plain.etag());
            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            Response closing = api.create("Soon Closed", "4000000004", "0");
            assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
            closedId = closing.id();
            assertThat(api.delete("/accounts/" + closedId).status()).isEqualTo(204);

            for (long id : new long[] {plain.id(), euros.id(), yen.id(), iban.id(), closedId}) {
                Response read = api.get("/accounts/" + id);
                assertThat(read.status()).isEqualTo(200);
                before.put(id, read.body());
            }
        }

        try (ConfigurableApplicationContext second = start(database)) {
            ApiClient api = client(second);

            before.forEach((id, body) -> {
                Response read = api.get("/accounts/" + id);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.body()).isEqualTo(body);
            });
            Response first = api.get("/accounts/" + before.keySet().iterator().next());
            json(first).extractingPath("$.name").isEqualTo("Ada King");
            assertThat(first.body()).contains("\"balance\":99.99");
            assertThat(first.etag()).isEqualTo("\"1\"");
            json(api.get("/accounts/" + closedId)).extractingPath("$.status").isEqualTo("CLOSED");

            // The numbers are still taken, closed account included, and ids are never handed out again.
            assertThat(api.create("Copycat", "4000000004", "0").status()).isEqualTo(409);
            assertThat(api.create("Copycat", "GB82WEST12345698765432", "0").status())
                    .isEqualTo(409);
            Response newcomer = api.create("Newcomer", "5000000005", "1");
            assertThat(newcomer.status()).as(newcomer.toString()).isEqualTo(201);
            assertThat(newcomer.id())
                    .isGreaterThan(before.keySet().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElseThrow());
        }
    }

    /**
     * Settings go in as command-line arguments: {@code SpringApplicationBuilder.properties(...)} are default
     * properties, which application.yml overrides, so the service would open ./db.sqlite on port 8080.
     */
    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(BmsApplication.class)
                .run("--server.port=0", "--bms.database.url=" + database, "--LOG_PATH=target/test-logs");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        assertThat(port).as("local.server.port").isNotNull().isPositive();
        return new ApiClient(port);
    }
}
