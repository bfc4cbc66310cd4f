package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.FakeCentralBank;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.bms.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The contract's table of who may do what, endpoint by endpoint and token by token: a refused token is a 401
 * problem, a missing role a 403 problem, and neither changes anything.
 */
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/access-${random.uuid}.sqlite",
            "bms.security.jwt.audience=" + AccessRulesTest.AUDIENCE
        })
class AccessRulesTest extends HttpIntegrationTest {

    static final String AUDIENCE = "bms-api";
    private static final FakeCentralBank ECB = new FakeCentralBank();

    @DynamicPropertySource
    static void ecbPage(DynamicPropertyRegistry registry) {
        ECB.answer("/ecb", FakeCentralBank.page("ecb.html"));
        registry.add("bms.scraper.sources.ecb.url", () -> ECB.url("/ecb").toString());
    }

    @AfterAll
    static void stopEcb() {
        ECB.close();
    }

    /** Every endpoint behind a token, with the roles the contract lets through and its success status. */
    enum Endpoint {
        OPEN("POST", 201, Role.TELLER, Role.ADMIN),
        LIST("GET", 200, Role.values()),
        READ("GET", 200, Role.values()),
        REVISE_KEEPING_THE_BALANCE("PUT", 200, Role.TELLER, Role.ADMIN),
        REVISE_CHANGING_THE_BALANCE("PUT", 200, Role.ADMIN),
        CLOSE("DELETE", 204, Role.TELLER, Role.ADMIN),
        BATCH_TOTAL("GET", 200, Role.values()),
        RATES("GET", 200, Role.values());

        final String method;
        final int success;
        final Set<Role> allowed;

        Endpoint(String method, int success, Role... allowed) {
            this.method = method;
            this.success = success;
            this.allowed = EnumSet.copyOf(Arrays.asList(allowed));
        }
    }

    /** A token, and what it is: refused outright (401), or valid with these roles. */
    enum Caller {
        NO_TOKEN(() -> null, null),
        BAD_SIGNATURE(() -> Tokens.wrongSecret("ADMIN"), null),
        EXPIRED(() -> Tokens.expired("ADMIN"), null),
        UNSIGNED(() -> Tokens.unsigned("ADMIN"), null),
        SIGNED_WITH_A_PUBLIC_KEY_AS_SECRET(
                () -> Tokens.hs256WithKeyBytes(Tokens.rsaKeyPair().getPublic().getEncoded(), "ADMIN"), null),
        WRONG_AUDIENCE(() -> Tokens.hs256(c -> c.audience("another-service"), "elsewhere", "ADMIN"), null),
        NO_AUDIENCE(() -> Tokens.hs256("unaddressed", "ADMIN"), null),
        NO_EXPIRY(() -> Tokens.hs256(c -> c.audience(AUDIENCE).expirationTime(null), "forever", "ADMIN"), null),
        NO_SUBJECT(() -> Tokens.hs256(c -> c.audience(AUDIENCE).subject(null), "ignored", "ADMIN"), null),
        SUBJECT_TOO_LONG(() -> token("x".repeat(65), "ADMIN"), null),
        NO_ROLE(() -> token("nobody-special"), Set.of()),
        UNKNOWN_ROLES_ONLY(() -> token("pretender", "SUPERUSER", "admin"), Set.of()),
        TELLER(() -> token("tina", "TELLER"), Set.of(Role.TELLER)),
        AUDITOR(() -> token("audrey", "AUDITOR"), Set.of(Role.AUDITOR)),
        ADMIN(() -> token("adam", "ADMIN", "SUPERUSER"), Set.of(Role.ADMIN));

        final Supplier<String> token;
        final Set<Role> roles;

        Caller(Supplier<String> token, Set<Role> roles) {
            this.token = token;
            this.roles = roles;
        }

        boolean refused() {
            return roles == null;
        }
    }

    static String token(String subject, String... roles) {
        return Tokens.hs256(claims -> claims.audience(AUDIENCE), subject, roles);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void eachEndpointAnswersEachCallerAsTheTableSaysAndARefusalChangesNothing(Endpoint endpoint, Caller caller) {
        ApiClient admin = api.as(token("setup", "ADMIN"));
        String number = uniqueNumber();
        long id = admin.create("Access Ada", number, endpoint == Endpoint.CLOSE ? "0" : "10.00")
                .id();
        String before = admin.get("/accounts/" + id).body();
        String newNumber = uniqueNumber();

        Response response = send(api.as(caller.token.get()), endpoint, id, number, newNumber);

        if (caller.refused()) {
            assertUnauthorized(response, caller != Caller.NO_TOKEN);
        } else if (caller.roles.stream().noneMatch(endpoint.allowed::contains)) {
            assertProblem(response, 403, "forbidden");
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(endpoint.success);
            return;
        }
        assertThat(admin.get("/accounts/" + id).body())
                .as("the account after a refusal")
                .isEqualTo(before);
        json(admin.get("/accounts?status=ACTIVE&number=" + newNumber))
                .extractingPath("$.page.totalElements")
                .as("no account was opened")
                .isEqualTo(0);
    }

    private static Response send(ApiClient client, Endpoint endpoint, long id, String number, String newNumber) {
        return switch (endpoint) {
            case OPEN -> client.create("New Nina", newNumber, "5.00");
            case LIST -> client.get("/accounts");
            case READ -> client.get("/accounts/" + id);
            case REVISE_KEEPING_THE_BALANCE -> client.put("/accounts/" + id, Json.account("Renamed Ada", number, "10"));
            case REVISE_CHANGING_THE_BALANCE ->
                client.put("/accounts/" + id, Json.account("Access Ada", number, "99999.99"));
            case CLOSE -> client.delete("/accounts/" + id);
            case BATCH_TOTAL -> client.get("/batch/total");
            case RATES -> client.get("/scraper/rates?source=ecb");
        };
    }

    static void assertUnauthorized(Response response, boolean tokenSent) {
        assertProblem(response, 401, "unauthorized");
        String challenge = response.header("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer");
        if (tokenSent) {
            assertThat(challenge).contains("error=\"invalid_token\"");
        } else {
            assertThat(challenge).doesNotContain("error=");
        }
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/" + type);
        json(response).extractingPath("$.instance").asString().startsWith("/");
        json(response)
                .extractingPath("$.requestId")
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "org.springframework");
    }
}
