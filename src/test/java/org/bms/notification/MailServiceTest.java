package org.bms.notification;

import org.bms.support.ApiClient;
import org.bms.support.Smtp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole service on a random port over a database of the test class's own, mailing through a local SMTP server
 * that the class owns and starts when its tests need it ({@link #register}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MailServiceTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /**
     * A database named after {@code name}, the test logs, and mail to {@code smtp}, each of {@code overrides}
     * ({@code name=value}) replacing or adding a setting.
     */
    static void register(DynamicPropertyRegistry registry, String name, Smtp smtp, String... overrides) {
        registry.add("bms.database.url", () -> "target/test-db/" + name + "-" + System.nanoTime() + ".sqlite");
        registry.add("LOG_PATH", () -> "target/test-logs");
        MailTestSettings.register(registry, smtp, overrides);
    }

    /** Where the creation mail of the account stands in the outbox. */
    String status(long accountId) {
        return jdbc.queryForObject("SELECT status FROM notification WHERE account_id = ?", String.class, accountId);
    }
}
