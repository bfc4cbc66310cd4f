package org.bms.support;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** One TCP connection to the service, for what no HTTP client sends: bodies that trickle or stall, HTTP/0.9. */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    public static RawConnection open(int port) {
        try {
            return new RawConnection(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The head of a POST of JSON declaring {@code contentLength} bytes; the body is the caller's to send. */
    public static String postHead(String path, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
                + Tokens.admin() + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    public RawConnection send(String text) {
        return send(text.getBytes(UTF_8));
    }

    /** Sends bytes as they are: a header no client library would let through, say. */
    public RawConnection send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} unless the service has closed the connection; says whether it could. */
    public boolean trySend(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(US_ASCII));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Everything the service sends until it closes the connection, waiting at most {@code patience} for each
     * read; what arrived so far if it keeps the connection open longer than that.
     */
    public Reply read(Duration patience) {
        var received = new ByteArrayOutputStream();
        boolean closed = false;
        try {
            socket.setSoTimeout(Math.toIntExact(patience.toMillis()));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            // Still open: the caller decides whether that is wrong.
        } catch (IOException e) {
            closed = true; // reset by the service
        }
        return new Reply(received.toString(UTF_8), closed);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to tell the service.
        }
    }

    /** What came back over the connection, and whether the service closed it. */
    public record Reply(String text, boolean closed) {

        /** The status code of the status line, or 0 when the reply has none. */
        public int status() {
            return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
        }

        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }
}
