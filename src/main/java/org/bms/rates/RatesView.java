package org.bms.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Rates as the API shows them. */
public record RatesView(String source, String url, Instant fetchedAt, boolean stale, List<RateView> rates) {

    /** One rate in percent per year, effective from a date. */
    public record RateView(String name, BigDecimal ratePercent, LocalDate effectiveDate) {}

    static RatesView of(Rates rates) {
        return new RatesView(
                rates.source(),
                rates.url().toString(),
                rates.fetchedAt(),
                rates.stale(),
                rates.rates().stream()
                        .map(q -> new RateView(q.name(), q.ratePercent(), q.effectiveDate()))
                        .toList());
    }
}
