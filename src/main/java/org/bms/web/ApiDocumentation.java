package org.bms.web;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bms.validation.Violation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI document at {@code /v3/api-docs}, as the contract describes the API: every problem response is
 * the {@link Problem} the handler really sends, not Spring's bare {@code ProblemDetail}; every operation needs a
 * bearer token but the open ones; every response header has a schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String BEARER = "bearer";

    /**
     * The documented operations security/SecurityConfiguration lets through without a token (the documentation
     * itself is not an operation of the document). PlatformEndpointsTest asks the service whether each operation
     * is as open as the document says.
     */
    private static final Set<String> OPEN_PATHS = Set.of("/actuator/health", "/actuator/info");

    @Bean
    OpenApiCustomizer problemsAsSent(Optional<BuildProperties> build) {
        return openApi -> {
            openApi.info(new Info()
                    .title("BMS: Banking Management Service")
                    .version(build.map(BuildProperties::getVersion).orElse("development"))
                    .description(
                            "Bank accounts over SQLite or PostgreSQL. Amounts are exact decimals at the currency's scale;"
                                    + " every error is an RFC 9457 problem."));
            ModelConverters.getInstance().readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getComponents().getSchemas().remove("ProblemDetail");
            var problem = new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem");
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses().values().stream())
                    .map(response -> response.getContent() == null
                            ? null
                            : response.getContent().get(APPLICATION_PROBLEM_JSON_VALUE))
                    .filter(Objects::nonNull)
                    .forEach(media -> media.setSchema(problem));
        };
    }

    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            openApi.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("A JWT with `exp`, `sub` and a `roles` claim of TELLER, AUDITOR"
                                            + " or ADMIN, signed with the service's key"));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            openApi.getPaths().forEach((path, item) -> {
                boolean open = OPEN_PATHS.contains(path);
                item.readOperations().forEach(operation -> refusals(operation, open));
            });
        };
    }

    /**
     * What Spring Security answers before the operation runs: an open operation needs no token but refuses a bad
     * one that is sent (401); any other refuses a request without a valid token (401) or without the role (403).
     */
    private static void refusals(Operation operation, boolean open) {
        var responses = operation.getResponses();
        var unauthorized = problem(
                        open
                                ? "A token was sent and is not valid; none is needed"
                                : "No valid bearer token: missing, expired, or badly signed")
                .addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, header(HttpHeaders.WWW_AUTHENTICATE));
        if (open) {
            // Empty, not absent: absent would inherit the document's bearer requirement.
            operation.setSecurity(List.of());
        } else {
            responses.putIfAbsent("403", problem("The token's roles do not allow this"));
        }
        responses.putIfAbsent("401", unauthorized);
    }

    private static Header header(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType()
                                        .schema(new io.swagger.v3.oas.models.media.Schema<>()
                                                .$ref("#/components/schemas/Problem"))));
    }

    /**
     * Response headers as components with a schema: the controllers name them ({@code @Header(name = ETAG)}), this
     * says once what they hold. A header with no component is still a string, as every header value is.
     */
    @Bean
    OpenApiCustomizer responseHeaders() {
        return openApi -> {
            Map<String, Header> described = describedHeaders();
            described.forEach(openApi.getComponents()::addHeaders);
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses().values().stream())
                    .filter(response -> response.getHeaders() != null)
                    .forEach(response -> response.getHeaders().replaceAll((name, header) -> {
                        if (header.get$ref() != null || header.getSchema() != null) {
                            return header;
                        }
                        return described.containsKey(name) ? header(name) : header.schema(new StringSchema());
                    }));
        };
    }

    /** Headers the responses carry, described once and referred to wherever a response declares them. */
    private static Map<String, Header> describedHeaders() {
        return Map.of(
                HttpHeaders.ETAG,
                new Header()
                        .description("The account's version, quoted; send it back in If-Match")
                        .schema(new StringSchema().example("\"3\"")),
                HttpHeaders.LOCATION,
                new Header()
                        .description("The path of what was created")
                        .schema(new StringSchema().format("uri-reference").example("/accounts/42")),
                HttpHeaders.WWW_AUTHENTICATE,
                new Header()
                        .description("The Bearer challenge of RFC 6750")
                        .schema(new StringSchema().example("Bearer error=\"invalid_token\"")));
    }

    /** What every error response carries (RFC 9457, plus the request id and, for invalid input, each field). */
    @Schema(name = "Problem", description = "An RFC 9457 problem: every error response is one")
    record Problem(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "https://bms.example/problems/account-not-found")
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Account not found")
            String title,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "404")
            int status,

            @Schema(example = "No account with id 42") String detail,

            @Schema(description = "The request's path", example = "/accounts/42")
            String instance,

            @Schema(description = "The X-Request-Id of the request; quote it when reporting a problem")
            String requestId,

            @ArraySchema(arraySchema = @Schema(description = "Each field in error, for invalid input"))
            List<Violation> errors) {}
}
