package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Test;

/** {@code X-Request-Id}: a well-formed one is kept and echoed, any other replaced, and one made when none is sent. */
class RequestIdApiTest extends HttpIntegrationTest {

    private static final String UNKNOWN_ID = "9223372036854775807";

    @Test
    void aWellFormedRequestIdIsEchoedOnErrors() {
        Response refused = api.get("/accounts/" + UNKNOWN_ID, "X-Request-Id", "abc-123");

        assertThat(refused.header("X-Request-Id")).hasValue("abc-123");
        json(refused).extractingPath("$.requestId").isEqualTo("abc-123");
    }

    @Test
    void aWellFormedRequestIdIsEchoedOnSuccess() {
        Response created =
                api.post("/accounts", Json.account("Traced", uniqueNumber(), "1"), "X-Request-Id", "trace.me_01-A");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).hasValue("trace.me_01-A");
    }

    @Test
    void aMalformedRequestIdIsReplaced() {
        Response refused = api.get("/accounts/abc", "X-Request-Id", "bad id!");

        String replaced = refused.header("X-Request-Id").orElseThrow();
        assertThat(replaced).isNotEqualTo("bad id!").matches("[A-Za-z0-9._-]{1,64}");
        json(refused).extractingPath("$.requestId").isEqualTo(replaced);
    }

    @Test
    void aRequestIdLongerThan64CharactersIsReplaced() {
        String tooLong = "a".repeat(65);

        Response refused = api.get("/accounts/" + UNKNOWN_ID, "X-Request-Id", tooLong);

        assertThat(refused.header("X-Request-Id")).isPresent().get().isNotEqualTo(tooLong);
        json(refused)
                .extractingPath("$.requestId")
                .isEqualTo(refused.header("X-Request-Id").orElseThrow());
    }

    @Test
    void everyResponseGetsARequestIdWhenNoneIsSent() {
        Response read = api.get("/accounts?size=1");

        assertThat(read.header("X-Request-Id")).isPresent().get().asString().matches("[A-Za-z0-9._-]{1,64}");
    }
}
