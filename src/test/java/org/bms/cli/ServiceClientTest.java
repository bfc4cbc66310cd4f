package org.bms.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The client against a server on 127.0.0.1 that misbehaves: a write is never sent twice, and answers that are
 * not the API's (a redirect, a page that is not JSON, a broken connection) exit 2 with what happened.
 */
class ServiceClientTest {

    @Test
    void aCloseWhoseConnectionBreaksIsSentOnceAndReportedAsUnknown() {
        try (RawServer server = new RawServer(null)) {
            Run run = Run.at(server.url(), "close", "5");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.err()).contains("No answer to DELETE " + server.url() + "/accounts/5", "may have been");
            assertThat(server.requests()).containsExactly("DELETE /accounts/5 HTTP/1.1");
        }
    }

    @Test
    void aCreateWhoseConnectionBreaksIsSentOnceAndReportedAsUnknown() {
        try (RawServer server = new RawServer(null)) {
            Run run = Run.at(server.url(), "create", "Ann", "123456", "1.00");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.err()).contains("No answer to POST", "check with get or list");
            assertThat(server.requests()).containsExactly("POST /accounts HTTP/1.1");
        }
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        String redirect = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://bank.example/accounts/1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        try (RawServer server = new RawServer(redirect)) {
            Run run = Run.at(server.url(), "get", "1");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.err()).contains("answered 301 to https://bank.example/accounts/1", "--url");
            assertThat(server.requests()).containsExactly("GET /accounts/1 HTTP/1.1");
        }
    }

    @Test
    void aSuccessThatIsNotJsonIsReportedNotPrinted() {
        try (RawServer server = new RawServer(response("200 OK", "text/html", "<html>Sign in</html>"))) {
            Run run = Run.at(server.url(), "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("answered 200 with a body that is not JSON: <html>Sign in</html>");
        }
    }

    @Test
    void aSuccessWhoseJsonIsCutShortOrFollowedByMoreIsReportedNotPrinted() {
        try (RawServer cut = new RawServer(response("200 OK", "application/json", "{\"id\":1,\"balance\":10.0"));
                RawServer more = new RawServer(response("200 OK", "application/json", "{\"id\":1} {\"id\":2}"))) {
            Run cutShort = Run.at(cut.url(), "get", "1");
            Run followed = Run.at(more.url(), "get", "1");

            assertThat(cutShort.exitCode()).as(cutShort.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(cutShort.out()).isEmpty();
            assertThat(cutShort.err())
                    .isEqualTo("The service answered 200 with a body that is not JSON: {\"id\":1,\"balance\":10.0\n");
            assertThat(followed.exitCode()).as(followed.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(followed.out()).isEmpty();
            assertThat(followed.err())
                    .isEqualTo("The service answered 200 with a body that is not JSON: {\"id\":1} {\"id\":2}\n");
        }
    }

    @Test
    void aProxysErrorPageIsShownAsItCame() {
        try (RawServer server = new RawServer(response("502 Bad Gateway", "text/html", "<h1>Bad Gateway</h1>"))) {
            Run run = Run.at(server.url(), "get", "1");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BmsCli.UNAVAILABLE);
            assertThat(run.err()).contains("Error 502", "<h1>Bad Gateway</h1>");
        }
    }

    private static String response(String status, String contentType, String body) {
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    /**
     * Accepts connections one at a time, reads each request, records its request line, and answers with the given
     * raw HTTP response, or with none (it hangs up) when that is null.
     */
    private static final class RawServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        RawServer(String response) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread thread = new Thread(() -> serve(response), "raw-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        /** The request lines received, in order; complete once the client's command has returned. */
        List<String> requests() {
            return requests;
        }

        private void serve(String response) {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), ISO_8859_1));
                    String requestLine = in.readLine();
                    long length = 0;
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Long.parseLong(
                                    header.substring("content-length:".length()).strip());
                        }
                    }
                    in.skip(length);
                    requests.add(requestLine);
                    if (response != null) {
                        client.getOutputStream().write(response.getBytes(ISO_8859_1));
                        client.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // Closed by the test, or the client gave up: either way this connection is done.
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
