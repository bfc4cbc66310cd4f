package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.time.Duration;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.RawConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of HTTP a scanner probes: old protocol versions, TRACE, the error path, the headers on every answer. */
class HttpEdgesTest extends HttpIntegrationTest {

    @Test
    void anHttp09RequestIsDroppedUnanswered() {
        api.create("Hidden Holder", uniqueNumber(), "1.00");
        try (RawConnection connection = RawConnection.open(port)) {
            RawConnection.Reply reply = connection.send("GET /accounts\r\n").read(Duration.ofSeconds(5));

            assertThat(reply.closed()).isTrue();
            assertThat(reply.text()).isEmpty();
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() {
        Response response = api.get("/error");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/not-found");
        json(response).extractingPath("$.instance").isEqualTo("/error");
    }

    @Test
    void traceIsRefusedWithThePathsRealMethodsAndEchoesNothing() {
        Response response = api.send("TRACE", "/accounts/1", null, (byte[]) null, "X-Secret", "do-not-echo");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow").orElseThrow()).doesNotContain("TRACE", "PATCH", "POST");
        assertThat(response.header("Allow").orElseThrow()).contains("GET", "PUT", "DELETE");
        assertThat(response.body()).doesNotContain("do-not-echo").doesNotContain("X-Secret");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/method-not-allowed");
    }

    @Test
    void theAllowOfARefusedMethodListsOnlyWorkingOnes() {
        Response response = api.send("PATCH", "/accounts/1", "application/json", "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow").orElseThrow().split(",\\s*"))
                .containsExactlyInAnyOrder("GET", "PUT", "DELETE");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/accounts", "/accounts/987654321", "/batch/total", "/nowhere", "/actuator/health"})
    void everyAnswerForbidsSniffingFramingAndCaching(String path) {
        Response response = api.get(path);

        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
        // Stateless: nothing is kept between requests, so nothing is handed out to bring back.
        assertThat(response.header("Set-Cookie")).isEmpty();
    }

    @Test
    void accountDataIsNeverStoredByACache() {
        long id = api.create("Private Holder", uniqueNumber(), "1.00").id();

        assertThat(api.get("/accounts/" + id).header("Cache-Control")).contains("no-store");
        assertThat(api.post("/accounts", "{").header("Cache-Control")).contains("no-store");
    }

    @Test
    void theApiDocumentationMayBeCachedButNotSniffed() {
        Response response = api.get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Cache-Control")).isEmpty();
    }

    @Test
    void aRequestTomcatRefusesBeforeAnyFilterForbidsSniffingToo() {
        try (RawConnection connection = RawConnection.open(port)) {
            RawConnection.Reply reply = connection
                    .send("GET /accounts/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .read(Duration.ofSeconds(5));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text())
                    .contains("X-Content-Type-Options: nosniff")
                    .contains("X-Frame-Options: DENY")
                    .contains("Cache-Control: no-store");
        }
    }
}
