package org.bms.rates;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The rates read from one source's page, when they were read, and whether they are an old copy. */
public record Rates(String source, URI url, Instant fetchedAt, boolean stale, List<RateQuote> rates) {

    Rates asStale() {
        return new Rates(source, url, fetchedAt, true, rates);
    }
}
