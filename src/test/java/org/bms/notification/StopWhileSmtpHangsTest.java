package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bms.support.ApiClient;
import org.bms.support.ServiceProcess;
import org.bms.support.Smtp;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code SIGTERM} stops the service within 10 seconds even while its SMTP server takes connections and never
 * answers (the mail client would wait 10 s for each reply, and retry); the mails it could not send are still in the
 * outbox and go out after the next start, once each.
 */
@SqliteOnly
class StopWhileSmtpHangsTest {

    @TempDir
    Path dir;

    @Test
    void aStopDoesNotWaitForAHangingSmtpServerAndLosesNoMail() throws Exception {
        String database = "bms.database.url=" + dir.resolve("bms.sqlite");
        // The sends cut off by the stop are taken over once their lease runs out, as from any stopped instance.
        String[] outbox = {"bms.mail.lease=2s", "bms.mail.sweep-interval=500ms"};
        long[] accounts;
        try (HangingSmtpServer hanging = new HangingSmtpServer();
                ServiceProcess service = ServiceProcess.start(
                        database,
                        outbox[0],
                        outbox[1],
                        "bms.mail.host=127.0.0.1",
                        "bms.mail.port=" + hanging.port(),
                        "bms.mail.owner=owner@bms.test",
                        "bms.mail.starttls=false")) {
            ApiClient api = service.api();
            accounts = LongStream.range(0, 4)
                    .map(i -> api.create("Hung Hana " + i, "55500000" + i + "1", "1.00")
                            .id())
                    .toArray();
            // Both mail threads are inside a send, waiting for a greeting that never comes.
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.connections() >= 2);

            assertThat(service.stop()).isLessThan(Duration.ofSeconds(10));
        }

        Smtp smtp = new Smtp();
        smtp.start();
        try (ServiceProcess restarted = ServiceProcess.start(concat(database, outbox, smtp.properties()))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> LongStream.of(accounts)
                            .allMatch(id -> smtp.about(id).size() == 1));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> smtp.received().size() == accounts.length);
        } finally {
            smtp.stop();
        }
    }

    private static String[] concat(String first, String[] second, String[] third) {
        return Stream.concat(Stream.of(first), Stream.concat(Stream.of(second), Stream.of(third)))
                .toArray(String[]::new);
    }

    /** Takes SMTP connections on 127.0.0.1 and never says a word on them. */
    private static final class HangingSmtpServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "hanging-smtp");

        HangingSmtpServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return held.size();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
