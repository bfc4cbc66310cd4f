package org.bms.batch;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The totals of all active accounts as of one committed state, and how the work was split. Serializable, so a
 * shared cache (Redis) can keep it.
 */
record BatchTotal(
        Instant asOf,
        long accounts,
        List<CurrencyTotal> totals,
        int chunkSize,
        long chunks,
        int parallelism,
        long elapsedMs)
        implements Serializable {}
