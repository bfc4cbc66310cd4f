package org.bms.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query string that cannot be decoded is the client's mistake: a 400 problem, never a 500. Sent over a raw
 * socket, since an HTTP client library refuses to build such a URL in the first place.
 */
class MalformedQueryTest extends HttpIntegrationTest {

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

    private String rawGet(String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
