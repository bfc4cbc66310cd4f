package org.bms.batch;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.bms.account.CurrencyTotal;

/**
 * The totals of all active accounts as of one committed state, by currency code, and how the work was split.
 * Serializable, so a shared cache (Redis) can keep it.
 */
public record BatchTotal(
        Instant asOf,
        long accounts,
        List<CurrencyTotal> totals,
        int chunkSize,
        long chunks,
        int parallelism,
        long elapsedMs)
        implements Serializable {}
