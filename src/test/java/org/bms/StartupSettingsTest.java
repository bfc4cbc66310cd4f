package org.bms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A bad setting stops start-up with a message that names it; a .env file is read. */
class StartupSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseUrlOfAnotherDatabaseStopsStartUpNamingTheSettingButNotThePassword() {
        assertThatThrownBy(() -> startWith("--bms.database.url=mysql://admin:hunter2@db.example/bms"))
                .hasStackTraceContaining("bms.database")
                .rootCause()
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("a mysql: URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aPostgresUrlWithoutADatabaseStopsStartUpNamingTheSettingButNotThePassword() {
        assertThatThrownBy(() -> startWith("--bms.database.url=postgresql://admin:hunter2@db.example"))
                .rootCause()
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("postgresql://user:password@host:5432/database")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnknownDefaultCurrencyStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start("bms.default-currency=XYZ")).hasStackTraceContaining("bms.default-currency");
    }

    @Test
    void aReaderPoolOfZeroStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start("bms.database.readers=0")).hasStackTraceContaining("bms.database.readers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc"})
    void aBatchSizeThatIsNotAPositiveNumberStopsStartUpNamingTheSetting(String size) {
        assertThatThrownBy(() -> start("BATCH_SIZE=" + size)).hasStackTraceContaining("bms.batch.size");
    }

    @Test
    void aJwtSecretShorterThan32BytesStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start("bms.security.jwt.secret=only-31-bytes-long-secret-value"))
                .rootCause()
                .hasMessageContaining("JWT_SECRET")
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32");
    }

    @Test
    void aJwtPublicKeyThatIsNotAPemKeyStopsStartUpNamingTheSetting() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "not a key");
        assertThatThrownBy(() -> start("bms.security.jwt.public-key=" + notAKey))
                .hasStackTraceContaining("JWT_PUBLIC_KEY")
                .hasStackTraceContaining(notAKey.toString());
    }

    @Test
    @SqliteOnly
    void settingsAreReadFromADotEnvFile() throws Exception {
        Path database = dir.resolve("from-dotenv/bank.sqlite");
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, "DATABASE_URL=" + database + "\n");
        try (ConfigurableApplicationContext context =
                startWith("--spring.config.import=optional:file:" + dotEnv + "[.properties]")) {
            assertThat(context.getEnvironment().getProperty("bms.database.url")).isEqualTo(database.toString());
            assertThat(database).exists();
        }
    }

    private ConfigurableApplicationContext start(String setting) {
        return startWith("--bms.database.url=" + dir.resolve("bms.sqlite"), "--" + setting);
    }

    /** Settings as command-line arguments, because they outrank application.yml as in a real deployment. */
    private static ConfigurableApplicationContext startWith(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--LOG_PATH=target/test-logs";
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(BmsApplication.class).run(args);
    }
}
