package org.bms.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        return send("POST", path, json == null ? null : "application/json", json, headers);
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

    /** A money move: a POST with a fresh Idempotency-Key (unless {@code headers} bring one). */
    public Response move(String path, String json, String... headers) {
        boolean keyed = false;
        for (int i = 0; i < headers.length; i += 2) {
            keyed |= headers[i].equalsIgnoreCase("Idempotency-Key");
        }
        if (keyed) {
            return post(path, json, headers);
        }
        String[] withKey = Arrays.copyOf(headers, headers.length + 2);
        withKey[headers.length] = "Idempotency-Key";
        withKey[headers.length + 1] = UUID.randomUUID().toString();
        return post(path, json, withKey);
    }

    public Response deposit(long account, String amount) {
        return move("/accounts/" + account + "/deposits", "{\"amount\":" + amount + "}");
    }

    public Response withdraw(long account, String amount) {
        return move("/accounts/" + account + "/withdrawals", "{\"amount\":" + amount + "}");
    }

    public Response transfer(long from, long to, String amount) {
        return move("/transfers", "{\"from\":" + from + ",\"to\":" + to + ",\"amount\":" + amount + "}");
    }

    public Response reverse(long movement) {
        return move("/movements/" + movement + "/reversal", null);
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

        private static final Configuration EXACT_NUMBERS = Configuration.builder()
                .jsonProvider(new JacksonJsonProvider(
                        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)))
                .build();

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

        /** A value in the body as {@code type}, for a test that computes with it: an id, a version, a count. */
        public <T> T json(String path, Class<T> type) {
            return JsonPath.parse(body).read(path, type);
        }

        /** A number in the body, exactly as written: {@code 25.50} stays 25.50. */
        public BigDecimal decimal(String path) {
            Object value = JsonPath.using(EXACT_NUMBERS).parse(body).read(path);
            if (value instanceof List<?> matches) {
                // A filter's matches: the one number it found.
                value = matches.isEmpty() ? null : matches.size() == 1 ? matches.get(0) : value;
            }
            return value == null ? null : new BigDecimal(value.toString());
        }

        public long id() {
            return json("$.id", Long.class);
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
