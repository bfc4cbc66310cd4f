package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.nio.file.Path;
import java.util.Map;
import org.bms.BmsApplication;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.SqliteOnly;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A SQLite file made by the migrations before PostgreSQL came (V1 to V4, when they lived in db/migration) is
 * upgraded in place at start-up: every account and notification stays as it was.
 */
@SqliteOnly
class SchemaUpgradeTest {

    @TempDir
    Path directory;

    @Test
    void aFileMadeByTheEarlierMigrationsKeepsEveryAccountAndNotification() {
        Path file = directory.resolve("bms.sqlite");
        var earlier = new SingleConnectionDataSource("jdbc:sqlite:" + file, true);
        Flyway.configure()
                .dataSource(earlier)
                .locations("classpath:db/migration/sqlite")
                .target("4")
                .load()
                .migrate();
        var jdbc = new JdbcTemplate(earlier);
        jdbc.update("INSERT INTO account (id, name, name_folded, number, balance_minor, currency, status, created_at,"
                + " updated_at, version) VALUES (7, 'Old Timer', 'old timer', '7000000007', 123456, 'EUR', 'ACTIVE',"
                + " 1700000000000, 1700000000000, 3)");
        jdbc.update("INSERT INTO notification (id, account_id, holder_name, masked_number, currency,"
                + " opening_balance_minor, opened_at, status, attempts, created_at, updated_at, message_id)"
                + " VALUES (1, 7, 'Old Timer', '*****0007', 'EUR', 123456, 1700000000000, 'FAILED', 6, 1700000000000,"
                + " 1700000000000, '<kept@bms>')");
        earlier.destroy();

        try (ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(BmsApplication.class)
                .run("--server.port=0", "--bms.database.url=" + file, "--LOG_PATH=target/test-logs")) {
            ApiClient api = new ApiClient(upgraded.getEnvironment().getProperty("local.server.port", Integer.class));
            Response account = api.get("/accounts/7");
            assertThat(account.status()).isEqualTo(200);
            json(account).extractingPath("$.name").isEqualTo("Old Timer");
            json(account).extractingPath("$.number").isEqualTo("7000000007");
            assertThat(account.decimal("$.balance")).isEqualByComparingTo("1234.56");
            assertThat(account.etag()).isEqualTo("\"3\"");

            JdbcTemplate now = upgraded.getBean(JdbcTemplate.class);
            Map<String, Object> notification = now.queryForMap("SELECT * FROM notification WHERE id = 1");
            assertThat(notification)
                    .containsEntry("account_id", 7)
                    .containsEntry("status", "FAILED")
                    .containsEntry("attempts", 6)
                    .containsEntry("message_id", "<kept@bms>")
                    .containsEntry("claimed_by", null);
            assertThat(now.queryForObject("SELECT max(version) FROM flyway_schema_history", String.class))
                    .isEqualTo("6");
            // The balance from before the journal is its opening movement, so the reconciliation finds it whole.
            assertThat(now.queryForMap("SELECT type, amount_minor, from_account, to_account FROM movement"))
                    .containsEntry("type", "OPENING")
                    .containsEntry("amount_minor", 123456)
                    .containsEntry("from_account", null)
                    .containsEntry("to_account", 7);
            assertThat(
                            now.queryForList(
                                    "SELECT coalesce(account_id, 0) AS account_id, amount_minor FROM posting ORDER BY amount_minor"))
                    .containsExactly(
                            Map.of("amount_minor", -123456, "account_id", 0),
                            Map.of("amount_minor", 123456, "account_id", 7));
        }
    }
}
