package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.util.List;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.bms.support.LogLines;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Log lines are JSON, carry the request id, and never show a whole account number. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTest extends HttpIntegrationTest {

    @Test
    void everyLineOfARequestCarriesItsIdAndTheNumberIsMasked(CapturedOutput output) {
        String number = "9876543210";
        Response created = api.post(
                "/accounts", "{\"name\":\"Log Lena\",\"number\":\"" + number + "\"}", "X-Request-Id", "trace-me-123");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).hasValue("trace-me-123");

        // The access line is a request's last.
        List<String> lines = LogLines.awaitLine(output, "trace-me-123", "org.bms.access")
                .lines()
                .filter(line -> line.contains("trace-me-123"))
                .toList();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"message\":\"Opened account")
                        .contains("*****3210"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"logger_name\":\"org.bms.access\"")
                        .contains("\"method\":\"POST\"")
                        .contains("\"path\":\"/accounts\"")
                        .contains("\"status\":201")
                        .contains("\"durationMicros\""));
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"requestId\":\"trace-me-123\""));
        assertThat(output.getOut()).doesNotContain(number);
    }

    @Test
    void anUnsafeRequestIdIsReplacedAndTheProblemCarriesTheNewOne() {
        Response response = api.get("/accounts/999999999", "X-Request-Id", "bad id\" with quotes");
        String issued = response.header("X-Request-Id").orElseThrow();
        assertThat(issued).matches("[A-Za-z0-9._-]{1,64}");
        json(response).extractingPath("$.requestId").isEqualTo(issued);
    }

    @Test
    void aListFilteredByNumberDoesNotLogTheNumber(CapturedOutput output) {
        api.get("/accounts?number=5550001112", "X-Request-Id", "list-by-number");
        assertThat(LogLines.awaitLine(output, "list-by-number", "org.bms.access"))
                .doesNotContain("5550001112");
    }

    @Test
    void everyLineOfAnAuthenticatedRequestNamesItsSubjectAndNoTokenIsEverLogged(CapturedOutput output) {
        String token = Tokens.hs256("log-subject-lea", "TELLER");
        String refused = Tokens.wrongSecret("ADMIN");

        api.as(token)
                .post("/accounts", Json.account("Logged Lea", uniqueNumber(), "1.00"), "X-Request-Id", "who-did-it");
        api.as(refused).get("/accounts", "X-Request-Id", "refused-token");

        LogLines.awaitLine(output, "who-did-it", "org.bms.access");
        LogLines.awaitLine(output, "refused-token", "org.bms.access");
        List<String> lines = output.getOut()
                .lines()
                .filter(line -> line.contains("\"requestId\":\"who-did-it\""))
                .toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"principal\":\"log-subject-lea\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"logger_name\":\"org.bms.access\""));
        assertThat(output.getOut())
                .contains("Refused a bearer token: the signature does not match")
                .doesNotContain(token)
                .doesNotContain(refused)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContain(refused.substring(refused.lastIndexOf('.') + 1));
        assertThat(output.getOut().lines().filter(line -> line.contains("Refused a bearer token")))
                .allSatisfy(line -> assertThat(line).contains("\"level\":\"WARN\""));
    }
}
