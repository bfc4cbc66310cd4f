package org.bms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Receives a request's body whole before anything else sees it, within the limits of {@link RequestProperties}:
 * a body over the size is a 413, one not complete in time a 408, and one arriving while every receiving slot is
 * taken a 503. A client trickling its body therefore holds a thread for the body timeout at most, and never one
 * of the threads kept for requests without a body. Past this filter the body is in memory, so Tomcat has
 * nothing left to read after the answer either.
 */
class RequestBodyLimits extends OncePerRequestFilter {

    private final long maxBodySize;
    private final Duration bodyTimeout;
    private final Semaphore receiving;
    private final HandlerExceptionResolver resolver;

    RequestBodyLimits(RequestProperties limits, HandlerExceptionResolver resolver) {
        this.maxBodySize = limits.maxBodySize().toBytes();
        this.bodyTimeout = limits.bodyTimeout();
        this.receiving = new Semaphore(limits.concurrentBodies());
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        long deadline = System.nanoTime() + bodyTimeout.toNanos();
        byte[] body;
        try {
            body = receive(request, deadline);
        } catch (PayloadTooLargeException | RequestTimeoutException | ServerBusyException e) {
            // Answered through the exception handler so these look like every other problem; the connection is
            // closed after the answer instead of waiting for the rest of the body.
            request.setAttribute(ConnectionClosingValve.BODY_REFUSED, e);
            resolver.resolveException(request, response, null, e);
            return;
        }
        chain.doFilter(new ReceivedRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private byte[] receive(HttpServletRequest request, long deadline) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            throw new PayloadTooLargeException(maxBodySize);
        }
        if (!receiving.tryAcquire()) {
            throw new ServerBusyException();
        }
        try {
            return read(request.getInputStream(), deadline);
        } finally {
            receiving.release();
        }
    }

    /**
     * Tomcat's blocking read returns as soon as any bytes arrive, and gives up after {@code bodyTimeout} with
     * none (its upload timeout, see {@link TomcatConfiguration}): so the deadline is checked often enough.
     */
    private byte[] read(ServletInputStream in, long deadline) throws IOException {
        var body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            if (!in.isFinished() && System.nanoTime() - deadline > 0) {
                throw new RequestTimeoutException(bodyTimeout, null);
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                if (causedByTimeout(e)) {
                    throw new RequestTimeoutException(bodyTimeout, e);
                }
                throw e;
            }
            if (n < 0) {
                return body.toByteArray();
            }
            if (body.size() + n > maxBodySize) {
                throw new PayloadTooLargeException(maxBodySize);
            }
            body.write(buffer, 0, n);
        }
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The request with its body already received. */
    private static final class ReceivedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReceivedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReceivedBody(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class ReceivedBody extends ServletInputStream {

        private final ByteArrayInputStream body;

        ReceivedBody(ByteArrayInputStream body) {
            this.body = body;
        }

        @Override
        public int read() {
            return body.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return body.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return body.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("The body was received whole; read it directly.");
        }
    }
}
