package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bms.BmsApplication;
import org.bms.support.ApiClient;
import org.bms.support.LogLines;
import org.bms.support.SqliteOnly;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no key configured the service makes its own HS256 secret: once, beside the database, readable by its owner
 * only, logged by path and never by content, and the same after a restart, so a token minted from it keeps working.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedSecretTest {

    @TempDir
    Path dir;

    @Test
    @SqliteOnly
    void theSecretIsMadeOnceOwnerOnlyBesideTheDatabaseAndKeptAcrossRestarts(CapturedOutput output) throws Exception {
        Path database = dir.resolve("bank/bms.sqlite");
        Path secretFile = dir.resolve("bank/bms-secret.key");
        String secret;
        try (ConfigurableApplicationContext first = start(database)) {
            assertThat(secretFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                    .isEqualTo("rw-------");
            String content = Files.readString(secretFile);
            assertThat(content).endsWith("\n").hasLineCount(1);
            secret = content.strip();
            assertThat(secret.length()).isGreaterThanOrEqualTo(32);
            assertThat(client(first, secret).get("/accounts").status()).isEqualTo(200);
            assertThat(client(first, Tokens.SECRET).get("/accounts").status()).isEqualTo(401);
        }
        try (ConfigurableApplicationContext second = start(database)) {
            assertThat(Files.readString(secretFile).strip()).isEqualTo(secret);
            assertThat(client(second, secret).get("/accounts").status()).isEqualTo(200);
        }
        assertThat(LogLines.awaitLine(output, "Generated a token secret in", secretFile.toString()))
                .doesNotContain(secret);
    }

    @Test
    void jwtSecretFileNamesWhereTheSecretLivesAndAGivenOneIsUsedWithoutItsLineEnd() throws Exception {
        Path secretFile = dir.resolve("keys/operator.key");
        Files.createDirectories(secretFile.getParent());
        String secret = "an-operator-chosen-secret-of-more-than-32-bytes";
        Files.writeString(secretFile, secret + "\r\n");
        try (ConfigurableApplicationContext context =
                start(dir.resolve("bms.sqlite"), "--bms.security.jwt.secret-file=" + secretFile)) {
            assertThat(client(context, secret).get("/accounts").status()).isEqualTo(200);
            assertThat(dir.resolve("bms-secret.key")).doesNotExist();
        }
    }

    private static ApiClient client(ConfigurableApplicationContext context, String secret) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new ApiClient(port).as(Tokens.hs256With(secret, "owner", "AUDITOR"));
    }

    /** No JWT_SECRET (the test contexts' one is blanked), so the service falls back to its secret file. */
    private static ConfigurableApplicationContext start(Path database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--bms.database.url=" + database,
                "--LOG_PATH=target/test-logs",
                "--bms.security.jwt.secret="));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(BmsApplication.class).run(args.toArray(String[]::new));
    }
}
