package org.bms.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Just enough of an SMTP server on 127.0.0.1 to take a message and never confirm it: the first
 * {@code unconfirmed} messages get no reply after their final dot, so the client times out not knowing they
 * arrived; the ones after that are answered 250. Every message it read, confirmed or not, is kept.
 */
final class SwallowingSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final int unconfirmed;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool();

    SwallowingSmtpServer(int unconfirmed) {
        this.unconfirmed = unconfirmed;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every message read, as its raw text. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The {@code Message-ID} header of every message read, in order. */
    List<String> messageIds() {
        return received.stream().map(SwallowingSmtpServer::messageId).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (Socket socket = connection) {
            socket.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 swallow.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 swallow.test");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    received.add(message(in));
                    if (received.size() <= unconfirmed) {
                        // Taken, never confirmed: wait for the client to give up and hang up.
                        while (in.readLine() != null) {}
                        return;
                    }
                    reply(out, "250 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client hung up or the server was closed; either ends the conversation.
        }
    }

    private static String message(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
        return String.join("\r\n", lines);
    }

    private static String messageId(String message) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, "Message-ID:".length())) {
                return line.substring("Message-ID:".length()).strip();
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
