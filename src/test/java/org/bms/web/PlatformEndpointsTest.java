package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat((String) health.json("$.status")).isEqualTo("UP");
        assertThat((String) health.json("$.components.database.status")).isEqualTo("UP");
        assertThat((String) health.json("$.components.diskSpace.components.logs.status"))
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").<Map<String, Object>>json("$"))
                .doesNotContainKey("components");
        Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.<Map<String, Object>>json("$.components"))
                .containsOnlyKeys("readinessState", "database", "diskSpace");
    }

    @Test
    void infoCarriesTheBuild() {
        Response info = api.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat((String) info.json("$.build.artifact")).isEqualTo("bms");
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
        Map<String, Object> accounts = docs.json("$.paths['/accounts']");
        assertThat(accounts).containsKeys("get", "post");
        Map<String, Object> account = docs.json("$.paths['/accounts/{id}']");
        assertThat(account).containsKeys("get", "put", "delete");
        Map<String, Object> putResponses = docs.json("$.paths['/accounts/{id}'].put.responses");
        assertThat(putResponses).containsKeys("200", "400", "404", "409", "412");
        Map<String, Object> postResponses = docs.json("$.paths['/accounts'].post.responses");
        assertThat(postResponses).containsKeys("201", "400", "409");
        Map<String, Object> deleteResponses = docs.json("$.paths['/accounts/{id}'].delete.responses");
        assertThat(deleteResponses).containsKeys("204", "404", "409", "412");
        List<String> parameters = docs.json("$.paths['/accounts'].get.parameters[*].name");
        assertThat(parameters).contains("page", "size", "sort", "name", "number", "status");
    }

    @Test
    void theOpenApiDocumentDescribesBodiesAsTheContractDoes() {
        Response docs = api.get("/v3/api-docs");

        assertThat(docs.<String>json(
                        "$.paths['/accounts'].get.responses['200'].content['application/json'].schema" + "['$ref']"))
                .endsWith("/AccountPage");
        assertThat(docs.<List<Boolean>>json("$.paths['/accounts'].get.parameters[?(@.name == 'sort')].required"))
                .containsExactly(false);
        assertThat(docs.<List<String>>json(
                        "$.paths['/accounts'].get.parameters[?(@.name == 'sort')].schema.items.type"))
                .containsExactly("string");
        assertThat(docs.<List<String>>json("$.components.schemas.CreateAccountRequest.required"))
                .containsExactlyInAnyOrder("name", "number");
        assertThat(docs.<List<String>>json("$.components.schemas.CreateAccountRequest.properties.balance.type"))
                .containsExactlyInAnyOrder("number", "string");
        assertThat(docs.<Map<String, Object>>json("$.components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "instance", "requestId", "errors");
        List<String> problemSchemas =
                docs.json("$.paths.*.*.responses.*.content['application/problem+json'].schema['$ref']");
        assertThat(problemSchemas).hasSizeGreaterThan(10).allMatch(ref -> ref.endsWith("/Problem"));
        assertThat(docs.body()).doesNotContain("ProblemDetail");
    }

    @Test
    void theOpenApiDocumentAsksForABearerTokenEverywhereButTheOpenEndpoints() {
        Response docs = api.get("/v3/api-docs");

        assertThat(docs.<Map<String, Object>>json("$.components.securitySchemes.bearer"))
                .containsEntry("type", "http")
                .containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "JWT");
        assertThat(docs.<List<Map<String, List<String>>>>json("$.security"))
                .containsExactly(Map.of("bearer", List.of()));
        assertThat(docs.<List<Object>>json("$.paths['/actuator/health'].get.security"))
                .isEmpty();
        assertThat(docs.<Map<String, Object>>json("$.paths['/accounts'].get")).doesNotContainKey("security");
        assertThat(docs.<Map<String, Object>>json("$.paths['/batch/total'].get.responses"))
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

        assertThat(docs.<Map<String, Object>>json("$.paths['/accounts'].post.responses['201'].headers"))
                .containsOnlyKeys("Location", "ETag");
        assertThat(docs.<Map<String, Object>>json("$.paths['/accounts/{id}'].get.responses['200'].headers"))
                .containsOnlyKeys("ETag");
        assertThat(docs.<Map<String, Object>>json("$.paths['/transfers'].post.responses['201'].headers"))
                .containsOnlyKeys("Location");
        Map<String, Map<String, Object>> components = docs.json("$.components.headers");
        List<Map<String, Object>> headers = docs.json("$.paths.*.*.responses.*.headers.*");
        assertThat(headers).hasSizeGreaterThan(8).allSatisfy(header -> {
            Map<String, Object> described = header.containsKey("$ref")
                    ? components.get(((String) header.get("$ref")).replace("#/components/headers/", ""))
                    : header;
            assertThat(described).as("%s", header).extractingByKey("schema").isNotNull();
        });
        assertThat(docs.<String>json("$.components.headers.ETag.schema.type")).isEqualTo("string");
        assertThat(docs.<String>json("$.components.headers.Location.schema.type"))
                .isEqualTo("string");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Response response = api.get("/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat((String) response.json("$.type")).isEqualTo("https://bms.example/problems/not-found");
        assertThat((String) response.json("$.instance")).isEqualTo("/no/such/thing");
    }
}
