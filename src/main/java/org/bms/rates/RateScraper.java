package org.bms.rates;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    private final Map<String, RatesParser> parsers;
    private final PageFetcher fetcher;
    private final Clock clock;
    private final Map<String, Rates> lastGood = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> reading = new ConcurrentHashMap<>();

    RateScraper(RatesProperties properties, List<RatesParser> parsers, PageFetcher fetcher, Clock clock) {
        this.properties = properties;
        this.parsers = parsers.stream().collect(Collectors.toMap(RatesParser::source, Function.identity()));
        this.fetcher = fetcher;
        this.clock = clock;
        for (String source : properties.sources().keySet()) {
            if (!this.parsers.containsKey(source)) {
                throw new IllegalStateException(
                        "bms.scraper.sources." + source + " has no parser; known parsers: " + this.parsers.keySet());
            }
        }
    }

    /** The rates of {@code source} (the configured default when {@code null}). */
    public Rates rates(String source) {
        String name = source == null || source.isBlank() ? properties.defaultSource() : source.strip();
        RatesProperties.Source settings = properties.sources().get(name);
        if (settings == null) {
            throw new UnknownRateSourceException(name, properties.sources().keySet());
        }
        Rates cached = lastGood.get(name);
        if (isFresh(cached)) {
            return cached;
        }
        ReentrantLock lock = reading.computeIfAbsent(name, key -> new ReentrantLock());
        Instant asked = clock.instant();
        try {
            if (!lock.tryLock(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return fallBack(name, "another read of the page is still running", settings);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallBack(name, "interrupted", settings);
        }
        try {
            cached = lastGood.get(name);
            if (isFresh(cached)) {
                return cached;
            }
            Instant failed = lastFailure.get(name);
            if (failed != null && !failed.isBefore(asked)) {
                return fallBack(name, "the read just before this one failed", settings);
            }
            return read(name, settings);
        } finally {
            lock.unlock();
        }
    }

    private Rates read(String name, RatesProperties.Source settings) {
        try {
            List<RateQuote> quotes = parsers.get(name).parse(fetcher.fetch(settings));
            Rates rates = new Rates(name, settings.url(), clock.instant(), false, quotes);
            lastGood.put(name, rates);
            lastFailure.remove(name);
            log.info("Read {} rates from {}", v("source", name), v("url", settings.url()));
            return rates;
        } catch (IOException | RuntimeException e) {
            // Whatever a hostile page does to the parser, the caller gets the fallback, never a 500.
            lastFailure.put(name, clock.instant());
            String reason = e.getMessage() == null ? "the site could not be reached" : e.getMessage();
            log.warn("Could not read {} rates: {}", v("source", name), v("reason", reason));
            return fallBack(name, reason, settings);
        }
    }

    private Rates fallBack(String name, String reason, RatesProperties.Source settings) {
        Rates cached = lastGood.get(name);
        if (cached != null) {
            return cached.asStale();
        }
        log.info("No {} rates to fall back on: {}", v("source", name), v("reason", reason));
        throw new RatesUnavailableException(name, settings.timeout().plus(RETRY_PAUSE));
    }

    private boolean isFresh(Rates rates) {
        return rates != null && rates.fetchedAt().plus(properties.cacheTtl()).isAfter(clock.instant());
    }
}
