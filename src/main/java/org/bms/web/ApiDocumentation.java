package org.bms.web;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bms.validation.Violation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, as the contract describes the API: every problem response is
 * the {@link Problem} the handler really sends, not Spring's bare {@code ProblemDetail}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

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
