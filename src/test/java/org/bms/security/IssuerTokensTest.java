package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.bms.support.FakeIdentityProvider;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code JWT_ISSUER_URI} the service reads the issuer's OpenID Connect discovery document and JWKS, as from
 * Keycloak, and takes RS256 tokens that it signed and that name it as {@code iss}.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/issuer-${random.uuid}.sqlite")
class IssuerTokensTest extends HttpIntegrationTest {

    private static final FakeIdentityProvider ISSUER = new FakeIdentityProvider();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("bms.security.jwt.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void aTokenOfTheIssuerIsAccepted() {
        String token = Tokens.rs256(ISSUER.keys(), claims -> claims.issuer(ISSUER.issuer()), "kim", "TELLER");

        assertThat(api.as(token).create("Issued Ivy", uniqueNumber(), "1").status())
                .isEqualTo(201);
    }

    @Test
    void aTokenNamingAnotherIssuerOrNoneIsRefused() {
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.rs256(ISSUER.keys(), claims -> claims.issuer("http://elsewhere"), "kim", "ADMIN"))
                        .get("/accounts"),
                true);
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.rs256(ISSUER.keys(), "kim", "ADMIN")).get("/accounts"), true);
    }

    @Test
    void theSharedSecretIsNotTakenOnceAnIssuerIsSet() {
        AccessRulesTest.assertUnauthorized(api.as(Tokens.admin()).get("/accounts"), true);
    }
}
