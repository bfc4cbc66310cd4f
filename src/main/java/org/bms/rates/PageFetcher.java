package org.bms.rates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a configured page within the source's limits: one deadline for connecting and reading the whole
 * page, and a size cap enforced while the body arrives. Redirects are followed by hand and only within the
 * configured host, so the scraper never reads anything but the pages it is set up to read.
 */
@Component
class PageFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final RatesProperties properties;
    private final HttpClient client;

    PageFetcher(RatesProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.sources().values().stream()
                        .map(RatesProperties.Source::timeout)
                        .max(Comparator.naturalOrder())
                        .orElseThrow())
                .build();
    }

    Document fetch(RatesProperties.Source source) throws IOException {
        URI url = source.url();
        long deadline = System.nanoTime() + source.timeout().toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = get(url, source, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IOException("the page answered HTTP " + status + " without Location"));
                url = sameHost(url, url.resolve(location), source);
                continue;
            }
            if (status != 200) {
                throw new IOException("the page answered HTTP " + status);
            }
            Charset charset =
                    charset(response.headers().firstValue("Content-Type").orElse(""));
            return Jsoup.parse(new String(response.body(), charset), url.toString());
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<byte[]> get(URI url, RatesProperties.Source source, long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new IOException("timed out after " + source.timeout().toMillis() + " ms");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", properties.userAgent())
                .header("Accept", "text/html,application/xhtml+xml")
                .GET()
                .build();
        long limit = source.maxBody().toBytes();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                request, info -> new LimitedBody(limit, source.maxBody().toString()));
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("timed out after " + source.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    private static URI sameHost(URI from, URI to, RatesProperties.Source source) throws IOException {
        URI configured = source.url();
        if (!configured.getHost().equalsIgnoreCase(String.valueOf(to.getHost()))
                || !configured.getScheme().equalsIgnoreCase(String.valueOf(to.getScheme()))
                || configured.getPort() != to.getPort()) {
            throw new IOException("refused a redirect from " + from.getHost() + " to another host");
        }
        return to;
    }

    /** The charset the Content-Type names; UTF-8 when it names none, or one that is malformed or unknown. */
    private static Charset charset(String contentType) {
        try {
            Charset named = MediaType.parseMediaType(contentType).getCharset();
            return named == null ? StandardCharsets.UTF_8 : named;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Collects a body up to a limit and gives up, cancelling the download, as soon as it grows past it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final String limitText;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit, String limitText) {
            this.limit = limit;
            this.limitText = limitText;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the page is larger than " + limitText));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
