package org.bms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The service's HTTP API through the JDK's {@link HttpURLConnection}: it starts in a fraction of the time of
 * {@code java.net.http.HttpClient} (no selector thread, no TLS set-up for an http URL), and a one-shot command
 * needs nothing more. Amounts stay {@link java.math.BigDecimal} with the scale the service wrote. An error status
 * becomes a {@link ServiceProblemException}; no connection a {@link ServiceUnreachableException}; a change sent
 * without an answer an {@link OutcomeUnknownException}; a redirect or a body that is not JSON an
 * {@link UnexpectedReplyException}.
 */
final class ServiceClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final String token;

    /** {@code token} goes with every request as a bearer token; none (null or blank) sends no Authorization. */
    ServiceClient(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Headers are name/value pairs; a pair whose value is null is left out. */
    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    private Reply send(String method, String path, Object body, String... headers) {
        URI url = resolve(path);
        byte[] content = body != null
                ? Json.write(body).getBytes(StandardCharsets.UTF_8)
                : "GET".equals(method) ? null : new byte[0];
        Reply reply;
        try {
            HttpURLConnection connection = open(url, method, content, headers);
            try {
                connection.connect();
            } catch (IOException e) {
                throw new ServiceUnreachableException(baseUrl, e);
            }
            reply = exchange(connection, content);
        } catch (IOException e) {
            // The request may have reached the service: a write is not known to have failed.
            throw "GET".equals(method)
                    ? new ServiceUnreachableException(baseUrl, e)
                    : new OutcomeUnknownException(method + " " + url, e);
        }
        if (reply.status() >= 400) {
            throw new ServiceProblemException(reply.status(), reply.body());
        }
        if (reply.status() >= 300 || reply.status() < 200) {
            String location = reply.header("Location").map(to -> " to " + to).orElse("");
            throw new UnexpectedReplyException("The service answered " + reply.status() + location + " for " + method
                    + " " + url + "; point --url at the service itself.");
        }
        return reply;
    }

    /**
     * A connection set up but not yet opened. Redirects are not followed: the client talks to the service it was
     * pointed at. Every request but a GET streams its content (none for DELETE), which also stops
     * HttpURLConnection from silently sending it a second time when a connection breaks.
     */
    private HttpURLConnection open(URI url, String method, byte[] content, String... headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "application/json, application/problem+json");
        if (token != null && !token.isBlank()) {
            connection.setRequestProperty("Authorization", "Bearer " + token.strip());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                connection.setRequestProperty(headers[i], headers[i + 1]);
            }
        }
        if (content != null) {
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(content.length);
        }
        return connection;
    }

    private static Reply exchange(HttpURLConnection connection, byte[] content) throws IOException {
        if (content != null) {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(content);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, text, connection.getHeaderFields());
        }
    }

    /** The base URL with the path appended, so a service behind a path prefix works too. */
    private URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    /** A query string from name/value pairs, skipping null values: {@code ?page=0&name=j%C3%BCrgen}. */
    static String query(String... namesAndValues) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                parameters.add(
                        namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    /** An answer: its status, the body as sent, and its headers. */
    record Reply(int status, String body, Map<String, List<String>> headers) {

        /** The body as JSON; a body that is not JSON is an {@link UnexpectedReplyException}. */
        JsonValue json() {
            try {
                return Json.read(body);
            } catch (JacksonException e) {
                String start = body.strip();
                throw new UnexpectedReplyException("The service answered " + status + " with a body that is not JSON"
                        + (start.isEmpty()
                                ? "."
                                : ": " + (start.length() > 200 ? start.substring(0, 200) + "..." : start)));
            }
        }

        /** The first value of a header, its name in any case. */
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> name.equalsIgnoreCase(header.getKey()))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst();
        }
    }
}
