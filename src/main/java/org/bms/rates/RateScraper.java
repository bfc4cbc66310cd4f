package org.bms.rates;

import static net.logstash.logback.argument.StructuredArguments.v;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Central-bank interest rates, read from the configured page of each source and kept for
 * {@code bms.scraper.cache-ttl}. When a page cannot be read the last good result is served, marked stale;
 * with none, the caller learns the rates are unavailable. A request never waits much longer than the
 * source's timeout: one read per source at a time, and callers that queue behind a failed read take its
 * answer instead of trying again.
 */
@Service
public class RateScraper {

    private static final Logger log = LoggerFactory.getLogger(RateScraper.class);

    /** Suggested to clients on a 503, on top of the read timeout: central-bank pages do not change by the second. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(25);

    private final RatesProperties properties;
    private final Map<String, Source> sources;

    RateScraper(RatesProperties properties, List<RatesParser> parsers, PageFetcher fetcher, Clock clock) {
        this.properties = properties;
        Map<String, RatesParser> byName =
                parsers.stream().collect(Collectors.toMap(RatesParser::source, Function.identity()));
        this.sources = properties.sources().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> {
            RatesParser parser = byName.get(entry.getKey());
            if (parser == null) {
                throw new IllegalStateException(
                        "bms.scraper.sources." + entry.getKey() + " has no parser; known parsers: " + byName.keySet());
            }
            return new Source(entry.getKey(), entry.getValue(), parser, fetcher, clock);
        }));
    }

    /** The rates of {@code source} (the configured default when {@code null}). */
    public Rates rates(String source) {
        String name = source == null || source.isBlank() ? properties.defaultSource() : source.strip();
        Source reader = sources.get(name);
        if (reader == null) {
            throw new UnknownRateSourceException(name, properties.sources().keySet());
        }
        return reader.rates();
    }

    /** One source's page and parser, its current result (Caffeine keeps it for the TTL) and its last good one. */
    private final class Source {

        private final String name;
        private final RatesProperties.Source settings;
        private final RatesParser parser;
        private final PageFetcher fetcher;
        private final Clock clock;
        private final AsyncCache<String, Rates> current;
        private volatile Rates lastGood;

        Source(String name, RatesProperties.Source settings, RatesParser parser, PageFetcher fetcher, Clock clock) {
            this.name = name;
            this.settings = settings;
            this.parser = parser;
            this.fetcher = fetcher;
            this.clock = clock;
            this.current = Caffeine.newBuilder()
                    .expireAfterWrite(properties.cacheTtl())
                    .ticker(() -> {
                        Instant now = clock.instant();
                        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                    })
                    .buildAsync();
        }

        Rates rates() {
            // Caffeine hands every caller the same read until it ends and forgets one that ended without rates, so
            // the callers that queued behind a failure take its answer and the next request reads the page again.
            CompletableFuture<Rates> mine = new CompletableFuture<>();
            CompletableFuture<Rates> reading = current.get(name, (key, executor) -> mine);
            String failure = reading == mine ? read(mine) : "the read just before this one failed";
            try {
                Rates rates = reading.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return rates != null ? rates : fallBack(failure);
            } catch (TimeoutException | ExecutionException e) { // reads end with rates or null, never an exception
                return fallBack("another read of the page is still running");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fallBack("interrupted");
            }
        }

        /** Reads the page and ends {@code result} with its rates, or with null and the reason it could not. */
        private String read(CompletableFuture<Rates> result) {
            try {
                List<RateQuote> quotes = parser.parse(fetcher.fetch(settings));
                lastGood = new Rates(name, settings.url(), clock.instant(), false, quotes);
                log.info("Read {} rates from {}", v("source", name), v("url", settings.url()));
                result.complete(lastGood);
                return null;
            } catch (IOException | RuntimeException e) {
                // Whatever a hostile page does to the parser, the caller gets the fallback, never a 500.
                String reason = e.getMessage() == null ? "the site could not be reached" : e.getMessage();
                log.warn("Could not read {} rates: {}", v("source", name), v("reason", reason));
                return reason;
            } finally {
                // Null rather than an exception: Caffeine logs a failed future's stack trace. An Error ends it too.
                result.complete(null);
            }
        }

        private Rates fallBack(String reason) {
            Rates cached = lastGood;
            if (cached != null) {
                return cached.asStale();
            }
            log.info("No {} rates to fall back on: {}", v("source", name), v("reason", reason));
            throw new RatesUnavailableException(name, settings.timeout().plus(RETRY_PAUSE));
        }
    }
}
