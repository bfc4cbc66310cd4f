package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Money moves as a hostile or careless client sends them: every one is a 4xx problem that reveals nothing, and
 * afterwards not a cent and not a version has moved.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/hostile-movements-${random.uuid}.sqlite")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMovementTest extends HttpIntegrationTest {

    private long usd;
    private long otherUsd;
    private String before;

    @BeforeAll
    void openAccounts(@LocalServerPort int serverPort) {
        var client = new ApiClient(serverPort);
        usd = client.create("Target", uniqueNumber(), "100.00").id();
        otherUsd = client.create("Other", uniqueNumber(), "100.00").id();
        before = state(client);
    }

    /** A request body, where it goes, and the status it must get. */
    record Attack(String name, String path, String contentType, String body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> attacks() {
        String deposit = "/accounts/" + "%d" + "/deposits";
        List<Attack> attacks = List.of(
                new Attack("missing amount", deposit, json(), "{}", 400),
                new Attack("null amount", deposit, json(), "{\"amount\":null}", 400),
                new Attack("zero", deposit, json(), "{\"amount\":0}", 400),
                new Attack("negative", deposit, json(), "{\"amount\":-1}", 400),
                new Attack("negative string", deposit, json(), "{\"amount\":\"-0.01\"}", 400),
                new Attack("three decimals", deposit, json(), "{\"amount\":10.101}", 400),
                new Attack("NaN", deposit, json(), "{\"amount\":NaN}", 400),
                new Attack("NaN string", deposit, json(), "{\"amount\":\"NaN\"}", 400),
                new Attack("Infinity", deposit, json(), "{\"amount\":\"Infinity\"}", 400),
                new Attack("exponent", deposit, json(), "{\"amount\":1e400}", 400),
                new Attack("tiny exponent", deposit, json(), "{\"amount\":1e-400}", 400),
                new Attack("huge", deposit, json(), "{\"amount\":1000000000000000000000}", 400),
                new Attack("just past the largest", deposit, json(), "{\"amount\":1000000000000000.00}", 400),
                new Attack("boolean amount", deposit, json(), "{\"amount\":true}", 400),
                new Attack("amount as object", deposit, json(), "{\"amount\":{\"value\":1}}", 400),
                new Attack("unknown field", deposit, json(), "{\"amount\":1,\"to\":2}", 400),
                new Attack("duplicate amount", deposit, json(), "{\"amount\":1,\"amount\":1000}", 400),
                new Attack(
                        "control character in reference",
                        deposit,
                        json(),
                        "{\"amount\":1,\"reference\":\"a\\u0000b\"}",
                        400),
                new Attack(
                        "line break in reference", deposit, json(), "{\"amount\":1,\"reference\":\"a\\nBcc: x\"}", 400),
                new Attack(
                        "bidi control in reference",
                        deposit,
                        json(),
                        "{\"amount\":1,\"reference\":\"Pay \\u202e0001\"}",
                        400),
                new Attack(
                        "141 characters of reference",
                        deposit,
                        json(),
                        "{\"amount\":1,\"reference\":\"" + "r".repeat(141) + "\"}",
                        400),
                new Attack("reference as number", deposit, json(), "{\"amount\":1,\"reference\":5}", 400),
                new Attack("wrong media type", deposit, "text/plain", "{\"amount\":1}", 415),
                new Attack("form body", deposit, "application/x-www-form-urlencoded", "amount=1", 415),
                new Attack("empty body", deposit, json(), "", 400),
                new Attack("malformed JSON", deposit, json(), "{\"amount\":", 400),
                new Attack("an array", deposit, json(), "[{\"amount\":1}]", 400),
                new Attack("trailing content", deposit, json(), "{\"amount\":1} {\"amount\":2}", 400),
                new Attack("from equals to", "/transfers", json(), "{\"from\":%1$d,\"to\":%1$d,\"amount\":1}", 400),
                new Attack("fractional id", "/transfers", json(), "{\"from\":%1$d.5,\"to\":%2$d,\"amount\":1}", 400),
                new Attack("id in exponent form", "/transfers", json(), "{\"from\":1e0,\"to\":%2$d,\"amount\":1}", 400),
                new Attack(
                        "id too large",
                        "/transfers",
                        json(),
                        "{\"from\":99999999999999999999,\"to\":%2$d,\"amount\":1}",
                        400),
                new Attack("id as boolean", "/transfers", json(), "{\"from\":true,\"to\":%2$d,\"amount\":1}", 400),
                new Attack("missing to", "/transfers", json(), "{\"from\":%1$d,\"amount\":1}", 400),
                new Attack("account id not a number", "/accounts/abc/deposits", json(), "{\"amount\":1}", 400),
                new Attack("reversal of a non-number", "/movements/1x/reversal", json(), "{}", 400),
                new Attack("reversal with an unknown field", "/movements/1/reversal", json(), "{\"amount\":1}", 400));
        return attacks.stream().map(attack -> Arguments.of(attack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aHostileMovementIsAProblemThatRevealsNothing(Attack attack) {
        String path = attack.path().replace("%d", Long.toString(usd));
        String body = String.format(attack.body(), usd, otherUsd);

        Response response = api.send(
                "POST",
                path,
                attack.contentType(),
                body,
                "Idempotency-Key",
                "hostile-" + attack.name().hashCode());

        assertThat(response.status()).as(response.toString()).isEqualTo(attack.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL", "sqlite", "java.");
    }

    @Test
    void afterEveryAttackNothingHasMoved() {
        runEveryAttack();
        assertThat(state(api)).isEqualTo(before);
    }

    private void runEveryAttack() {
        attacks()
                .forEach(arguments -> aHostileMovementIsAProblemThatRevealsNothing(
                        (Attack) arguments.get()[0]));
    }

    /** Both accounts' balances and versions, and how many movements the bank holds. */
    private String state(ApiClient client) {
        Response first = client.get("/accounts/" + usd);
        Response second = client.get("/accounts/" + otherUsd);
        Response reconciliation = client.get("/batch/reconciliation");
        return first.decimal("$.balance") + "@" + first.etag() + " " + second.decimal("$.balance") + "@" + second.etag()
                + " " + reconciliation.<Object>json("$.movements") + " movements";
    }

    private static String json() {
        return "application/json";
    }
}
