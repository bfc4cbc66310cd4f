package org.bms.support;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain HTTP client for the running service: raw bodies and headers, as a hostile client would send them. It
 * sends an ADMIN's bearer token unless told otherwise ({@link #as}, {@link #anonymous}) or given an
 * {@code Authorization} header of its own.
 */
public final class ApiClient {

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    public ApiClient(int port) {
        this(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                "http://127.0.0.1:" + port,
                Tokens.admin());
    }

    private ApiClient(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service, asked with {@code bearerToken}. */
    public ApiClient as(String bearerToken) {
        return new ApiClient(http, baseUrl, bearerToken);
    }

    /** The same service, asked without a token. */
    public ApiClient anonymous() {
        return as(null);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, (byte[]) null, headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, (byte[]) null, headers);
    }

    /** Creates an account and returns the response; the body is JSON built from the arguments. */
    public Response create(String name, String number, String balance) {
        return post("/accounts", Json.account(name, number, balance));
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean authorizes = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorizes |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (token != null && !authorizes) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back, with JSONPath access to the body. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        Response(HttpResponse<String> raw) {
            this(raw.statusCode(), raw.body(), raw);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public long id() {
            return ((Number) json("$.id")).longValue();
        }

        public String etag() {
            return header("ETag").orElseThrow();
        }

        public List<String> fieldsInError() {
            List<String> fields = json("$.errors[*].field");
            return new ArrayList<>(fields);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
