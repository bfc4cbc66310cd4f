package org.bms.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.util.List;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.FakeCentralBank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code /scraper/rates} over HTTP, with the banks' sites stood in for by a local server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RatesEndpointTest {

    private static final FakeCentralBank BANK = new FakeCentralBank();

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("bms.database.url", () -> "target/test-db/rates-" + System.nanoTime() + ".sqlite");
        registry.add("LOG_PATH", () -> "target/test-logs");
        registry.add("bms.scraper.sources.ecb.url", () -> BANK.url("/ecb").toString());
        registry.add("bms.scraper.sources.fed.url", () -> BANK.url("/fed").toString());
        registry.add("bms.scraper.sources.ecb.timeout", () -> "1s");
        registry.add("bms.scraper.sources.fed.timeout", () -> "1s");
    }

    @AfterAll
    static void stopBank() {
        BANK.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void theRatesHaveTheContractsShapeWithExactDecimals() {
        BANK.answer("/ecb", FakeCentralBank.page("ecb.html"));

        Response rates = api.get("/scraper/rates");

        assertThat(rates.status()).isEqualTo(200);
        json(rates).extractingPath("$.source").isEqualTo("ecb");
        json(rates).extractingPath("$.url").isEqualTo(BANK.url("/ecb").toString());
        json(rates).extractingPath("$.stale").asBoolean().isFalse();
        json(rates).extractingPath("$.fetchedAt").asString().endsWith("Z");
        assertThat(rates.body())
                .contains("{\"name\":\"Deposit facility\",\"ratePercent\":2.00,\"effectiveDate\":\"2025-06-11\"}");
        List<String> names = rates.json("$.rates[*].name");
        assertThat(names)
                .containsExactly("Deposit facility", "Main refinancing operations", "Marginal lending facility");
    }

    @Test
    void anUnknownSourceIsABadRequestListingTheValidOnes() {
        Response response = api.get("/scraper/rates?source=boe");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/unknown-rate-source");
        json(response).extractingPath("$.detail").asString().contains("[ecb, fed]");
    }

    @Test
    void aSourceThatFailsWithNothingCachedIsUnavailableWithRetryAfter() {
        BANK.answer("/fed", FakeCentralBank.status(502, "bad gateway"));

        Response response = api.get("/scraper/rates?source=fed");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/rates-unavailable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }
}
