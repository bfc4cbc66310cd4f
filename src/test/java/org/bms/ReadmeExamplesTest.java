package org.bms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bms.support.FakeCentralBank;
import org.bms.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The README is the front door: every curl line in it is run here, in order, on a fresh database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"bms.database.url=target/test-db/readme-${random.uuid}.sqlite", "LOG_PATH=target/test-logs"})
class ReadmeExamplesTest {

    private static final Pattern EXPECTED_STATUS = Pattern.compile("^# → (\\d{3})");

    /** The ECB's page, served locally: tests reach nothing beyond 127.0.0.1. */
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

    @LocalServerPort
    private int port;

    @Test
    void everyCurlExampleInTheReadmeAnswersTheStatusItPromises() throws Exception {
        List<Example> examples = examples(Path.of("README.md"));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        for (Example example : examples) {
            assertThat(run(example.command())).as(example.command()).isEqualTo(example.status());
        }
    }

    private String run(String command) throws IOException, InterruptedException {
        String local = command.replace("localhost:8080", "127.0.0.1:" + port)
                + " --silent --show-error --output /dev/null --write-out '%{http_code}'";
        var builder = new ProcessBuilder("bash", "-c", local).redirectErrorStream(true);
        // What the README's token commands export, minted with the test contexts' secret.
        builder.environment().put("TOKEN", Tokens.hs256("me", "ADMIN"));
        builder.environment().put("AUDITOR_TOKEN", Tokens.hs256("audrey", "AUDITOR"));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** A curl line of the README followed by its {@code # → NNN} comment. */
    private record Example(String command, String status) {}

    private static List<Example> examples(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher status = EXPECTED_STATUS.matcher(lines.get(i + 1));
            if (lines.get(i).startsWith("curl ") && status.find()) {
                examples.add(new Example(lines.get(i), status.group(1)));
            }
        }
        return examples;
    }
}
