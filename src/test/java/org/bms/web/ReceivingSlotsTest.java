package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.RawConnection;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With every slot for receiving bodies taken, another body is a quick 503; requests without one still pass. */
@TestPropertySource(properties = "bms.requests.concurrent-bodies=1")
class ReceivingSlotsTest extends HttpIntegrationTest {

    @Test
    void aBodyBeyondTheSlotsIsRefusedAtOnceWhileReadsGoOn() {
        try (RawConnection slow = RawConnection.open(port).send(RawConnection.postHead("/accounts", 100) + "{")) {
            // A round trip after the slow body's head was sent, the service is receiving that body.
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);

            Response refused = api.create("Second In Line", uniqueNumber(), "1.00");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.json("$.type").toString()).isEqualTo("https://bms.example/problems/server-busy");
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(api.get("/accounts?size=1").status()).isEqualTo(200);
            assertThat(slow.read(Duration.ofSeconds(15)).status()).isEqualTo(408);
        }
        assertThat(api.create("After The Rush", uniqueNumber(), "1.00").status())
                .isEqualTo(201);
    }
}
