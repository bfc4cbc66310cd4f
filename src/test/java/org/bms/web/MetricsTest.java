package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus}: for ADMIN and AUDITOR tokens only; request latency histograms, problems by type,
 * movements by type once committed, the outbox's depth and the batch jobs' durations.
 */
class MetricsTest extends HttpIntegrationTest {

    @Test
    void onlyAdminsAndAuditorsReadTheMetrics() {
        assertThat(api.as(Tokens.admin()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.as(Tokens.auditor()).get("/actuator/prometheus").status())
                .isEqualTo(200);
        Response teller = api.as(Tokens.teller()).get("/actuator/prometheus");
        assertThat(teller.status()).isEqualTo(403);
        assertThat(teller.body()).contains("/problems/forbidden");
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void requestsAreTimedAsHistograms() {
        api.get("/accounts");
        assertThat(scrape().lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")))
                .anySatisfy(bucket ->
                        assertThat(bucket).contains("uri=\"/accounts\"").containsPattern("le=\"[0-9.]+\""));
    }

    @Test
    void movementsAreCountedByTypeOnceCommittedAndRefusalsAreNot() {
        long account = api.create("Metered Mia", uniqueNumber(), "10.00").id();
        double deposits = value("bms_movements_total", "type=\"DEPOSIT\"");
        double withdrawals = value("bms_movements_total", "type=\"WITHDRAWAL\"");
        double openings = value("bms_movements_total", "type=\"OPENING\"");

        assertThat(api.move("/accounts/" + account + "/deposits", "{\"amount\":\"5.00\"}")
                        .status())
                .isEqualTo(201);
        // Refused: more than the balance. Nothing moved, nothing counted.
        assertThat(api.move("/accounts/" + account + "/withdrawals", "{\"amount\":\"99.00\"}")
                        .status())
                .isEqualTo(409);
        api.create("Metered Max", uniqueNumber(), "1.00");

        assertThat(value("bms_movements_total", "type=\"DEPOSIT\"")).isEqualTo(deposits + 1);
        assertThat(value("bms_movements_total", "type=\"WITHDRAWAL\"")).isEqualTo(withdrawals);
        assertThat(value("bms_movements_total", "type=\"OPENING\"")).isEqualTo(openings + 1);
    }

    @Test
    void problemsAreCountedByType() {
        double before = value("bms_problems_total", "type=\"account-not-found\"");
        assertThat(api.get("/accounts/987654321").status()).isEqualTo(404);
        assertThat(value("bms_problems_total", "type=\"account-not-found\"")).isEqualTo(before + 1);
        assertThat(scrape()).containsPattern("bms_problems_total\\{.*status=\"404\".*type=\"account-not-found\".*}");
    }

    @Test
    void theOutboxDepthAndTheBatchDurationsAreThere() {
        assertThat(api.get("/batch/total", "Cache-Control", "no-cache").status())
                .isEqualTo(200);
        String metrics = scrape();
        assertThat(metrics).containsPattern("bms_notifications_outbox\\{.*status=\"PENDING\".*} [0-9.]+");
        assertThat(metrics).containsPattern("bms_notifications_outbox\\{.*status=\"FAILED\".*} [0-9.]+");
        assertThat(value("bms_batch_duration_seconds_count", "job=\"total\"")).isPositive();
    }

    private String scrape() {
        Response metrics = api.as(Tokens.auditor()).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    /** The value of the one sample of {@code name} whose labels include {@code label}; 0 when there is none yet. */
    private double value(String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape());
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
