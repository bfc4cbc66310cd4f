package org.bms.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A GreenMail SMTP server on a port fixed before the Spring context starts, so the context can be told it. */
public final class Smtp {

    private final int port = freePort();
    private GreenMail server;

    public int port() {
        return port;
    }

    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** The mails that report the account with this id. */
    public List<MimeMessage> about(long accountId) {
        return received().stream()
                .filter(message -> body(message).contains("Account id:      " + accountId + "\n")
                        || body(message).contains("Account id:      " + accountId + "\r\n"))
                .toList();
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The test properties that point the service at this server with quick retries. */
    public String[] properties() {
        return new String[] {
            "bms.mail.host=127.0.0.1",
            "bms.mail.port=" + port,
            "bms.mail.owner=owner@bms.test",
            "bms.mail.from=bms@bms.test",
            "bms.mail.starttls=false",
            "bms.mail.connect-timeout=1s",
            "bms.mail.timeout=2s",
            "bms.mail.retry.delay=200ms",
            "bms.mail.retry.multiplier=2",
            "bms.mail.retry.max-delay=1s",
            "bms.mail.retry.max-retries=6"
        };
    }

    /** Points a test's Spring context at this server. */
    public void register(DynamicPropertyRegistry registry) {
        for (String property : properties()) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
