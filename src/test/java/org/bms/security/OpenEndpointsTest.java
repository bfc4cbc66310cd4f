package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.RawConnection;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The documentation, health and info answer without a token, health with its status alone; an Authorization
 * header of any shape, however broken, is a 401 problem, or a 400/431 when it is past the header limit.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/open-${random.uuid}.sqlite")
class OpenEndpointsTest extends HttpIntegrationTest {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(
            strings = {
                "/swagger-ui/index.html",
                "/v3/api-docs",
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info"
            })
    void isOpenWithoutAToken(String path) {
        assertThat(api.anonymous().get(path).status()).isEqualTo(200);
    }

    @Test
    void theRootLeadsToTheDocumentationWithoutAToken() {
        Response root = api.anonymous().get("/");

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location").orElseThrow()).endsWith("/swagger-ui/index.html");
    }

    @Test
    void healthShowsItsComponentsOnlyToATokenWithARole() {
        ApiClient anonymous = api.anonymous();
        Response statusAlone = anonymous.get("/actuator/health");
        json(statusAlone).extractingPath("$.status").isEqualTo("UP");
        assertThat(statusAlone.body()).doesNotContain("components", "database", "diskSpace", "mail");
        assertThat(anonymous.get("/actuator/health/readiness").body()).doesNotContain("components");
        assertThat(api.as(Tokens.hs256("roleless")).get("/actuator/health").body())
                .doesNotContain("components");

        for (String token : new String[] {Tokens.auditor(), Tokens.teller(), Tokens.admin()}) {
            Response health = api.as(token).get("/actuator/health");
            json(health).extractingPath("$.components.database.status").isEqualTo("UP");
            json(health).extractingPath("$.components.diskSpace.status").isEqualTo("UP");
            assertThat(health.body()).as("details").contains("\"details\":");
        }
    }

    @Test
    void aBinaryAuthorizationHeaderIsA401Problem() {
        String response = rawGetWithAuthorization("Bearer \u00ff\u00fe\u00e9\u00a0\u00b5xyz");

        assertThat(response)
                .startsWith("HTTP/1.1 401 ")
                .contains("application/problem+json")
                .contains("\"type\":\"https://bms.example/problems/unauthorized\"")
                .contains("error=\"invalid_token\"");
    }

    /** Tomcat itself refuses a header with a control character, before any filter: a 400 problem. */
    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc\u0001def", "Bearer abc\u0080\u009bdef", "Bearer \u007f"})
    void anAuthorizationHeaderWithAControlCharacterIsA400Problem(String value) {
        String response = rawGetWithAuthorization(value);

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
    }

    @Test
    void aPathTheFirewallRejectsIsA400Problem() {
        Response response = api.get("/accounts;evil=1/1");

        AccessRulesTest.assertProblem(response, 400, "rejected-request");
    }

    private String rawGetWithAuthorization(String value) {
        String head = "GET /accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + value
                + "\r\n\r\n";
        try (RawConnection connection = RawConnection.open(port)) {
            return connection
                    .send(head.getBytes(StandardCharsets.ISO_8859_1))
                    .read(Duration.ofSeconds(5))
                    .text();
        }
    }

    @Test
    void aTokenPastTheHeaderLimitIsA400Or431ProblemNotAFailure() {
        String huge = Tokens.hs256(claims -> claims.claim("padding", "x".repeat(20_000)), "big", "ADMIN");

        Response response = api.get("/accounts", "Authorization", "Bearer " + huge);

        // The contract lets the server's header limit answer either; each with the problem type of its status.
        assertThat(response.status()).as(response.toString()).isIn(400, 431);
        assertThat(response.contentType()).startsWith("application/problem+json");
        json(response)
                .extractingPath("$.type")
                .isEqualTo("https://bms.example/problems/"
                        + (response.status() == 431 ? "request-header-fields-too-large" : "bad-request"));
        json(response).extractingPath("$.status").isEqualTo(response.status());
    }
}
