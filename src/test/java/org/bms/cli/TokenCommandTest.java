package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/** {@code token} mints what the service accepts, from JWT_SECRET or the secret file; every command sends it. */
@TestPropertySource(properties = "bms.database.url=target/test-db/cli-token-${random.uuid}.sqlite")
class TokenCommandTest extends HttpIntegrationTest {

    @TempDir
    Path dir;

    @AfterEach
    void realEnvironment() {
        TokenCommand.environment = System::getenv;
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private void environment(Map<String, String> variables) {
        TokenCommand.environment = variables::get;
    }

    @Test
    void aTokenFromJwtSecretIsAcceptedAndCarriesItsClaims() {
        environment(Map.of("JWT_SECRET", Tokens.SECRET));

        Run minted = Run.of("token", "--subject", "cli-carla", "--role", "TELLER,auditor", "--ttl", "30m");

        assertThat(minted.exitCode()).as(minted.err()).isZero();
        String token = minted.out().strip();
        assertThat(token.split("\\.")).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"cli-carla\"").contains("\"roles\":[\"TELLER\",\"AUDITOR\"]");
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - Instant.now().getEpochSecond()).isBetween(1790L, 1800L);

        Run created = Run.as(token, url(), "create", "Minted Mia", uniqueNumber(), "1.00");
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n"})
    void aTokenFromTheSecretFileIsAcceptedWhateverItsLineEnd(String lineEnd) throws Exception {
        environment(Map.of());
        Path file = Files.writeString(dir.resolve("bms-secret.key"), Tokens.SECRET + lineEnd);

        Run minted = Run.of("token", "--subject", "filed", "--role", "AUDITOR", "--secret-file", file.toString());

        assertThat(minted.exitCode()).as(minted.err()).isZero();
        assertThat(Run.as(minted.out().strip(), url(), "list").exitCode()).isZero();
    }

    @Test
    void theTokenOptionWinsOverBmsToken() {
        Run refused = Run.as("not-a-token", url(), "list");
        assertThat(refused.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(refused.err()).contains("Unauthorized").doesNotContain("not-a-token");
    }

    @Test
    void withoutATokenACommandPrintsTheUnauthorizedProblemAndExitsOne() {
        Run run = Run.as(null, url(), "list");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.err()).contains("Unauthorized").contains("bearer token");
    }

    @Test
    void anAuditorOpeningAnAccountGetsTheForbiddenProblemAndExitsOne() {
        Run run = Run.as(Tokens.auditor(), url(), "create", "Not Allowed", uniqueNumber(), "1.00");

        assertThat(run.exitCode()).isEqualTo(BmsCli.REFUSED);
        assertThat(run.err()).contains("Forbidden");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--subject|| --role|ADMIN",
                "--subject|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|--role|ADMIN",
                "--subject|me|--role|SUPERUSER",
                "--subject|me",
                "--subject|me|--role|ADMIN|--ttl|-1h",
                "--subject|me|--role|ADMIN|--ttl|soon",
                "--subject|me|--role|ADMIN|--ttl|0s"
            })
    void aBadCommandLineIsAUsageError(String arguments) {
        environment(Map.of("JWT_SECRET", Tokens.SECRET));
        String[] args = ("token|" + arguments).split("\\|");

        Run run = Run.of(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BmsCli.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aShortSecretOrAMissingFileIsAUsageErrorSayingWhere() {
        environment(Map.of("JWT_SECRET", "too-short"));
        Run shortSecret = Run.of("token", "--subject", "me", "--role", "ADMIN");
        assertThat(shortSecret.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(shortSecret.err())
                .contains("JWT_SECRET")
                .contains("at least 32")
                .doesNotContain("too-short");

        environment(Map.of());
        Path missing = dir.resolve("nowhere.key");
        Run noFile = Run.of("token", "--subject", "me", "--role", "ADMIN", "--secret-file", missing.toString());
        assertThat(noFile.exitCode()).isEqualTo(BmsCli.USAGE);
        assertThat(noFile.err()).contains(missing.toString()).contains("JWT_SECRET");
    }
}
