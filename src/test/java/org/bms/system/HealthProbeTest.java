package org.bms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/** The image's health check says healthy only for a 200. */
class HealthProbeTest extends HttpIntegrationTest {

    @Test
    void aReadyServiceIsHealthy() {
        assertThat(HealthProbe.healthy(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")))
                .isTrue();
    }

    @Test
    void anAnswerOtherThan200IsNot() {
        assertThat(HealthProbe.healthy(URI.create("http://127.0.0.1:" + port + "/no-such-path")))
                .isFalse();
    }

    @Test
    void aPortNobodyListensOnIsNot() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(HealthProbe.healthy(URI.create("http://127.0.0.1:" + closed + "/actuator/health")))
                .isFalse();
    }
}
