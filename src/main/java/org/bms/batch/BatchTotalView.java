package org.bms.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The batch total as the API shows it. */
public record BatchTotalView(
        Instant asOf,
        long accounts,
        List<CurrencyTotalView> totals,
        int chunkSize,
        long chunks,
        int parallelism,
        long elapsedMs) {

    /** One currency's total at the currency's scale. */
    public record CurrencyTotalView(String currency, BigDecimal total, long accounts) {}

    static BatchTotalView of(BatchTotal total) {
        return new BatchTotalView(
                total.asOf(),
                total.accounts(),
                total.totals().stream()
                        .map(t -> new CurrencyTotalView(t.currency().getCurrencyCode(), t.amount(), t.accounts()))
                        .toList(),
                total.chunkSize(),
                total.chunks(),
                total.parallelism(),
                total.elapsedMs());
    }
}
