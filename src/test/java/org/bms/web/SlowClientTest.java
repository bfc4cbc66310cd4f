package org.bms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.RawConnection;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their bodies slowly, or stop halfway, get a 408 once the body timeout (10 s) is up, and
 * never keep the service from answering everyone else.
 */
class SlowClientTest extends HttpIntegrationTest {

    private static final String REQUEST_TIMEOUT = "\"type\":\"https://bms.example/problems/request-timeout\"";

    @Test
    void twoHundredTricklingBodiesLeaveHealthAndReadsAnsweringQuickly() {
        long id = api.create("Steady Reader", uniqueNumber(), "5.00").id();
        List<RawConnection> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 200; i++) {
                slow.add(RawConnection.open(port).send(RawConnection.postHead("/accounts", 60_000) + "{"));
            }
            // A byte every 2 s on each: never silent long enough for a read to time out, never done.
            trickle.scheduleAtFixedRate(() -> slow.forEach(c -> c.trySend(" ")), 2, 2, TimeUnit.SECONDS);

            for (int probe = 0; probe < 4; probe++) {
                assertAnswersWithin(Duration.ofSeconds(2), () -> api.get("/actuator/health"));
                assertAnswersWithin(Duration.ofSeconds(2), () -> api.get("/accounts/" + id));
            }

            for (RawConnection connection : slow) {
                RawConnection.Reply reply = connection.read(Duration.ofSeconds(25));
                assertThat(reply.status()).as(reply.text()).isEqualTo(408);
                assertThat(reply.text()).contains(REQUEST_TIMEOUT).contains("Connection: close");
                assertThat(reply.closed()).as("closed after the 408").isTrue();
            }
        } finally {
            trickle.shutdownNow();
            slow.forEach(RawConnection::close);
        }
    }

    @Test
    void aBodyThatStopsHalfwayIsA408AndTheConnectionIsClosed() {
        long start = System.nanoTime();
        try (RawConnection connection = RawConnection.open(port)) {
            RawConnection.Reply reply = connection
                    .send(RawConnection.postHead("/accounts", 30) + "{\"name\":\"")
                    .read(Duration.ofSeconds(15));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reply.status()).as(reply.text()).isEqualTo(408);
            assertThat(reply.text()).contains(REQUEST_TIMEOUT).contains("\"instance\":\"/accounts\"");
            assertThat(reply.closed()).isTrue();
            assertThat(took).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
        }
    }

    @Test
    void aSlowBodyThatIsCompleteInTimeIsServed() {
        String number = uniqueNumber();
        String body = "{\"name\":\"Patient Sender\",\"number\":\"" + number + "\",\"balance\":\"1.00\"}";
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (RawConnection connection = RawConnection.open(port)) {
            connection.send(RawConnection.postHead("/accounts", body.length()) + body.substring(0, 10));
            later.schedule(() -> connection.send(body.substring(10)), 3, TimeUnit.SECONDS);

            RawConnection.Reply reply = connection.read(Duration.ofSeconds(9));

            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        } finally {
            later.shutdownNow();
        }
        assertThat(api.get("/accounts?number=" + number).body()).contains("Patient Sender");
    }

    private static void assertAnswersWithin(Duration limit, Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(took).as("answered in %s", took).isLessThan(limit);
    }
}
