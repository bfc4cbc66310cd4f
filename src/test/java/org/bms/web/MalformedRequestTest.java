package org.bms.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query string or path that cannot be decoded is the client's mistake: a 400 problem, never a 500 nor
 * Tomcat's HTML page. Sent over a raw socket, since an HTTP client library refuses to build such a URL.
 */
class MalformedRequestTest extends HttpIntegrationTest {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/accounts?name=%zz", "/accounts?page=%zz", "/accounts?x=%", "/scraper/rates?source=%zz"})
    void aQueryThatCannotBeDecodedIsABadRequest(String target) {
        String response = rawGet(target);

        assertThat(response).as(response).startsWith("HTTP/1.1 400 ");
        assertThat(response)
                .contains("Content-Type: application/problem+json")
                .contains("\"type\":\"https://bms.example/problems/invalid-query\"")
                .contains("\"title\":\"Malformed query string\"")
                .containsPattern("\"requestId\":\"[^\"]+\"");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/accounts/%zz", "/accounts/\"1\"", "/accounts/a\\b", "/accounts/<b>", "/accounts/1%2F2"})
    void aPathTomcatRefusesIsStillAProblemDocument(String target) {
        String response = rawGet(target);

        assertThat(response).as(response).startsWith("HTTP/1.1 400 ");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        JsonNode problem = JsonMapper.shared().readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(problem.path("requestId").asString()).isNotBlank();
    }

    private String rawGet(String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET " + target
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
                                    + Tokens.admin() + "\r\n\r\n")
                            .getBytes(US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
