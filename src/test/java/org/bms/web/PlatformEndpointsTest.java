package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What operators and API users see besides accounts: health, info, API docs, and unknown paths. The API docs are
 * also linted in .ci/run (Redocly CLI); these tests hold the document to what the service does.
 */
class PlatformEndpointsTest extends HttpIntegrationTest {

    @Test
    void healthIsUpWithTheDatabaseAndHasProbeGroups() {
        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        json(health).extractingPath("$.status").isEqualTo("UP");
        json(health).extractingPath("$.components.database.status").isEqualTo("UP");
        json(health)
                .extractingPath("$.components.diskSpace.components.logs.status")
                .isEqualTo("UP");
        json(api.get("/actuator/health/liveness")).extractingPath("$").asMap().doesNotContainKey("components");
        Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        json(readiness)
                .extractingPath("$.components")
                .asMap()
                .containsOnlyKeys("readinessState", "database", "diskSpace");
    }

    @Test
    void infoCarriesTheBuild() {
        Response info = api.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        json(info).extractingPath("$.build.artifact").isEqualTo("bms");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        for (String endpoint : List.of("env", "beans", "configprops", "heapdump", "loggers", "metrics")) {
            Response response = api.get("/actuator/" + endpoint);
            assertThat(response.status()).as(endpoint).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void theRootTakesABrowserToSwaggerUi() {
        Response root = api.get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location").orElseThrow()).endsWith("/swagger-ui/index.html");
        Response ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void theOpenApiDocumentDescribesTheContractsEndpointsAndStatuses() {
        Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        json(docs).extractingPath("$.paths['/accounts']").asMap().containsKeys("get", "post");
        json(docs).extractingPath("$.paths['/accounts/{id}']").asMap().containsKeys("get", "put", "delete");
        json(docs)
                .extractingPath("$.paths['/accounts/{id}'].put.responses")
                .asMap()
                .containsKeys("200", "400", "404", "409", "412");
        json(docs).extractingPath("$.paths['/accounts'].post.responses").asMap().containsKeys("201", "400", "409");
        json(docs)
                .extractingPath("$.paths['/accounts/{id}'].delete.responses")
                .asMap()
                .containsKeys("204", "404", "409", "412");
        json(docs)
                .extractingPath("$.paths['/accounts'].get.parameters[*].name")
                .asArray()
                .contains("page", "size", "sort", "name", "number", "status");
    }

    @Test
    void theOpenApiDocumentDescribesBodiesAsTheContractDoes() {
        Response docs = api.get("/v3/api-docs");

        json(docs)
                .extractingPath(
                        "$.paths['/accounts'].get.responses['200'].content['application/json'].schema" + "['$ref']")
                .asString()
                .endsWith("/AccountPage");
        json(docs)
                .extractingPath("$.paths['/accounts'].get.parameters[?(@.name == 'sort')].required")
                .asArray()
                .containsExactly(false);
        json(docs)
                .extractingPath("$.paths['/accounts'].get.parameters[?(@.name == 'sort')].schema.items.type")
                .asArray()
                .containsExactly("string");
        json(docs)
                .extractingPath("$.components.schemas.CreateAccountRequest.required")
                .asArray()
                .containsExactlyInAnyOrder("name", "number");
        json(docs)
                .extractingPath("$.components.schemas.CreateAccountRequest.properties.balance.type")
                .asArray()
                .containsExactlyInAnyOrder("number", "string");
        json(docs)
                .extractingPath("$.components.schemas.Problem.properties")
                .asMap()
                .containsKeys("type", "title", "status", "detail", "instance", "requestId", "errors");
        List<String> problemSchemas =
                docs.json("$.paths.*.*.responses.*.content['application/problem+json'].schema['$ref']");
        assertThat(problemSchemas).hasSizeGreaterThan(10).allMatch(ref -> ref.endsWith("/Problem"));
        assertThat(docs.body()).doesNotContain("ProblemDetail");
    }

    @Test
    void theOpenApiDocumentAsksForABearerTokenEverywhereButTheOpenEndpoints() {
        Response docs = api.get("/v3/api-docs");

        json(docs)
                .extractingPath("$.components.securitySchemes.bearer")
                .asMap()
                .containsEntry("type", "http")
                .containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "JWT");
        json(docs).extractingPath("$.security").asArray().containsExactly(Map.of("bearer", List.of()));
        json(docs)
                .extractingPath("$.paths['/actuator/health'].get.security")
                .asArray()
                .isEmpty();
        json(docs).extractingPath("$.paths['/accounts'].get").asMap().doesNotContainKey("security");
        json(docs)
                .extractingPath("$.paths['/batch/total'].get.responses")
                .asMap()
                .containsKeys("401", "403");
    }

    @Test
    void everyGetTheOpenApiDocumentCallsOpenAnswersWithoutATokenAndNoOtherDoes() {
        Map<String, Map<String, Map<String, Object>>> paths =
                api.get("/v3/api-docs").json("$.paths");
        List<String> open = new ArrayList<>();
        paths.forEach((path, operations) -> {
            Map<String, Object> get = operations.get("get");
            if (get == null || path.contains("{")) {
                return;
            }
            boolean documentedOpen = List.of().equals(get.get("security"));
            int status = api.anonymous().get(path).status();
            assertThat(status == 401)
                    .as("GET %s answered %d without a token", path, status)
                    .isNotEqualTo(documentedOpen);
            if (documentedOpen) {
                open.add(path);
            }
        });
        assertThat(open).contains("/actuator/health", "/actuator/info");
    }

    @Test
    void everyResponseHeaderInTheOpenApiDocumentHasASchema() {
        Response docs = api.get("/v3/api-docs");

        json(docs)
                .extractingPath("$.paths['/accounts'].post.responses['201'].headers")
                .asMap()
                .containsOnlyKeys("Location", "ETag");
        json(docs)
                .extractingPath("$.paths['/accounts/{id}'].get.responses['200'].headers")
                .asMap()
                .containsOnlyKeys("ETag");
        json(docs)
                .extractingPath("$.paths['/transfers'].post.responses['201'].headers")
                .asMap()
                .containsOnlyKeys("Location");
        Map<String, Map<String, Object>> components = docs.json("$.components.headers");
        List<Map<String, Object>> headers = docs.json("$.paths.*.*.responses.*.headers.*");
        assertThat(headers).hasSizeGreaterThan(8).allSatisfy(header -> {
            Map<String, Object> described = header.containsKey("$ref")
                    ? components.get(((String) header.get("$ref")).replace("#/components/headers/", ""))
                    : header;
            assertThat(described).as("%s", header).extractingByKey("schema").isNotNull();
        });
        json(docs).extractingPath("$.components.headers.ETag.schema.type").isEqualTo("string");
        json(docs).extractingPath("$.components.headers.Location.schema.type").isEqualTo("string");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Response response = api.get("/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/not-found");
        json(response).extractingPath("$.instance").isEqualTo("/no/such/thing");
    }
}
