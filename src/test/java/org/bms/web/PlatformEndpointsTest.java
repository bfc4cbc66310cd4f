package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and API users see besides accounts: health, info, API docs, and unknown paths. */
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
    void anUnknownPathIsANotFoundProblem() {
        Response response = api.get("/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat((String) response.json("$.type")).isEqualTo("https://bms.example/problems/not-found");
        assertThat((String) response.json("$.instance")).isEqualTo("/no/such/thing");
    }
}
