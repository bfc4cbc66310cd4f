package org.bms.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on a random port over a real SQLite file under {@code target/test-db}. Subclasses share
 * one context and database, so each test uses account numbers of its own ({@link #uniqueNumber()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/shared-${random.uuid}.sqlite",
            "LOG_PATH=target/test-logs",
            // No test reaches beyond 127.0.0.1: the banks' pages are a closed local port unless a test serves them.
            "bms.scraper.sources.ecb.url=http://127.0.0.1:9/ecb",
            "bms.scraper.sources.fed.url=http://127.0.0.1:9/fed"
        })
public abstract class HttpIntegrationTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** An account number no other test uses ({@link TestData#accountNumber()}). */
    protected static String uniqueNumber() {
        return TestData.accountNumber();
    }
}
