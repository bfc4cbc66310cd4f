package org.bms.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The service's HTTP API through the JDK client. Amounts stay {@link java.math.BigDecimal} with the scale the
 * service wrote ({@code 1000.00} stays {@code 1000.00}); an error status becomes a {@link ServiceProblemException},
 * no answer at all a {@link ServiceUnreachableException}.
 */
final class ServiceClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** One client for the process: building it (TLS defaults included) costs more than a request. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI baseUrl;

    ServiceClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    Reply put(String path, JsonNode body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    private Reply send(String method, String path, JsonNode body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnreachableException(baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException(baseUrl, e);
        }
        Reply reply = new Reply(response.statusCode(), response.body(), response);
        if (reply.status() >= 400) {
            throw new ServiceProblemException(reply.status(), reply.jsonOrMissing(), reply.body());
        }
        return reply;
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

    /** A successful answer: its status, the body as sent, and its headers. */
    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        private JsonNode jsonOrMissing() {
            try {
                return body.isBlank() ? MissingNode.getInstance() : Json.MAPPER.readTree(body);
            } catch (JacksonException e) {
                return MissingNode.getInstance();
            }
        }
    }
}
