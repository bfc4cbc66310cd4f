package org.bms.rates;

import java.time.Instant;
import java.util.List;

/** Rates as the API shows them. */
public record RatesView(String source, String url, Instant fetchedAt, boolean stale, List<RateQuote> rates) {

    static RatesView of(Rates rates) {
        return new RatesView(rates.source(), rates.url().toString(), rates.fetchedAt(), rates.stale(), rates.rates());
    }
}
