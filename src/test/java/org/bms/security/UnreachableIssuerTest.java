package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An identity provider that is down stops nothing but the requests it must vouch for: those are a 503 problem. */
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/no-issuer-${random.uuid}.sqlite",
            "bms.security.jwt.issuer-uri=http://127.0.0.1:9/realms/down"
        })
class UnreachableIssuerTest extends HttpIntegrationTest {

    @Test
    void theServiceStartsAndATokenThatCannotBeCheckedIsA503() {
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);

        Response response =
                api.as(Tokens.rs256(Tokens.rsaKeyPair(), "kim", "ADMIN")).get("/accounts");

        AccessRulesTest.assertProblem(response, 503, "identity-provider-unavailable");
        assertThat(response.header("Retry-After")).contains("5");
    }
}
