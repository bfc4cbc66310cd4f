package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code JWT_PUBLIC_KEY} the service takes RS256 tokens of that key and nothing else: not the test contexts'
 * HS256 secret (the first key set wins), not the public key used as an HMAC secret, not another key's tokens.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/rs256-${random.uuid}.sqlite")
class PublicKeyTokensTest extends HttpIntegrationTest {

    private static final KeyPair KEYS = Tokens.rsaKeyPair();
    private static final String PEM = pem(KEYS);

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        registry.add("bms.security.jwt.public-key", () -> write(PEM).toString());
    }

    @Test
    void anRs256TokenOfTheKeyIsAccepted() {
        assertThat(api.as(Tokens.rs256(KEYS, "rita", "AUDITOR"))
                        .get("/accounts")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theSharedSecretIsNotTakenOnceAPublicKeyIsSet() {
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.hs256("sneaky", "ADMIN")).get("/accounts"), true);
    }

    @Test
    void theKeyUsedAsAnHmacSecretIsRefused() {
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.hs256WithKeyBytes(KEYS.getPublic().getEncoded(), "ADMIN"))
                        .get("/accounts"),
                true);
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.hs256WithKeyBytes(PEM.getBytes(StandardCharsets.US_ASCII), "ADMIN"))
                        .get("/accounts"),
                true);
    }

    @Test
    void anotherKeysTokenAndAnUnsignedOneAreRefused() {
        AccessRulesTest.assertUnauthorized(
                api.as(Tokens.rs256(Tokens.rsaKeyPair(), "mallory", "ADMIN")).get("/accounts"), true);
        AccessRulesTest.assertUnauthorized(api.as(Tokens.unsigned("ADMIN")).get("/accounts"), true);
    }

    @Test
    void theRolesOfAnRs256TokenAreEnforced() {
        var auditor = api.as(Tokens.rs256(KEYS, "rita", "AUDITOR"));
        AccessRulesTest.assertProblem(auditor.create("Not Allowed", uniqueNumber(), "1"), 403, "forbidden");
        assertThat(api.as(Tokens.rs256(KEYS, "tom", "TELLER"))
                        .create("Allowed", uniqueNumber(), "1")
                        .status())
                .isEqualTo(201);
    }

    static String pem(KeyPair keys) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static Path write(String pem) {
        try {
            Path file = Files.createTempFile("bms-public-key", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
