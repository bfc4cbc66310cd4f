package org.bms.batch;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.bms.account.ActiveBalances;
import org.bms.database.Snapshot;
import org.bms.database.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Totals the balances of all active accounts, per currency, exactly.
 *
 * <p>The id space is cut into chunks of {@code bms.batch.size} consecutive ids; {@link Chunks} tasks on a
 * dedicated {@link ForkJoinPool} sum the chunks in parallel, one SQL aggregate per chunk, and combine the
 * subtotals as unbounded integers, so no total is too large to be exact. Only one chunk's subtotals per task
 * are ever in memory.
 *
 * <p>One consistent snapshot: every connection the tasks read from was pinned to the same committed state
 * by {@link Snapshots} before the first chunk is read, so a write that commits meanwhile is counted
 * wholly (if it committed before the pinning) or not at all.
 *
 * <p>The result is cached against the database's committed state it was computed from ({@link
 * Snapshots#committedState()}), and served only while the database's state is still that one: a total asked after
 * any write was acknowledged, by this instance or another on the same database, includes it. The cache may be
 * shared between instances (Redis); when it cannot be reached, the total is computed instead.
 */
@Service
public class BatchTotalService {

    static final String CACHE = "batch-total";
    private static final String KEY = "all";
    private static final Logger log = LoggerFactory.getLogger(BatchTotalService.class);

    private final Snapshots snapshots;
    private final ForkJoinPool pool;
    private final BatchProperties properties;
    private final Cache cache;
    private final Timer durations;

    BatchTotalService(
            Snapshots snapshots,
            @Qualifier(BatchConfiguration.POOL) ForkJoinPool pool,
            BatchProperties properties,
            CacheManager caches,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.pool = pool;
        this.properties = properties;
        this.cache = caches.getCache(CACHE);
        this.durations = BatchConfiguration.duration(meters, "total");
    }

    /** The cached total if there is one for the database's current state and {@code fresh} is false; else a new one. */
    public BatchTotal total(boolean fresh) {
        if (!fresh) {
            Cached cached = cached();
            if (cached != null && cached.state().equals(committedState())) {
                return cached.total();
            }
        }
        Cached computed = durations.record(this::compute);
        keep(computed);
        return computed.total();
    }

    /** A total and the committed state of the database it was computed from. */
    record Cached(String state, BatchTotal total) implements Serializable {}

    private Cached cached() {
        try {
            return cache.get(KEY, Cached.class);
        } catch (RuntimeException unreachable) {
            cacheFailed(unreachable);
            return null;
        }
    }

    private void keep(Cached computed) {
        try {
            cache.put(KEY, computed);
        } catch (RuntimeException unreachable) {
            cacheFailed(unreachable);
        }
    }

    /** A cache that cannot be reached (Redis down) costs a computation, never a request. */
    private static void cacheFailed(RuntimeException e) {
        log.warn("The batch-total cache cannot be reached; computing instead: {}", v("reason", e.getMessage()));
    }

    private String committedState() {
        try {
            return snapshots.committedState();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the database's state failed", e);
        }
    }

    private Cached compute() {
        long start = System.nanoTime();
        int parallelism = pool.getParallelism();
        try (Snapshot snapshot = snapshots.open(parallelism)) {
            Connection first = snapshot.connections().get(0);
            Optional<ActiveBalances.IdRange> ids = ActiveBalances.idRange(first);
            if (ids.isEmpty()) {
                return new Cached(
                        snapshot.state(),
                        new BatchTotal(
                                snapshot.asOf(), 0, List.of(), properties.size(), 0, parallelism, millisSince(start)));
            }
            long firstId = ids.get().first();
            long chunks = (ids.get().last() - firstId) / properties.size() + 1;
            int size = properties.size();
            List<String> currencies = ActiveBalances.currencies(first);
            Subtotals subtotals;
            try (var sums = new PerConnection<>(
                    snapshot.connections(), connection -> ActiveBalances.rangeSum(connection, currencies))) {
                Chunks.Reader<Subtotals> chunk = index ->
                        sums.use(sum -> Subtotals.of(sum.sum(firstId + index * size, firstId + (index + 1) * size)));
                subtotals = pool.invoke(new Chunks<>(chunk, Subtotals::mergedWith, 0, chunks));
            }
            var total = new BatchTotal(
                    snapshot.asOf(),
                    subtotals.accounts(),
                    subtotals.totals(),
                    properties.size(),
                    chunks,
                    parallelism,
                    millisSince(start));
            log.info(
                    "Totalled {} active accounts in {} chunks in {} ms",
                    v("accounts", total.accounts()),
                    v("chunks", chunks),
                    v("elapsedMs", total.elapsedMs()));
            return new Cached(snapshot.state(), total);
        } catch (SQLException e) {
            // A busy database is told apart by the problem handler, as for every request.
            throw new IllegalStateException("Reading the batch total failed", e);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
