package org.bms.batch;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bms.account.AccountClosed;
import org.bms.account.AccountCreated;
import org.bms.account.AccountRevised;
import org.bms.account.ActiveBalances;
import org.bms.database.SqliteSnapshots;
import org.bms.database.SqliteSnapshots.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Totals the balances of all active accounts, per currency, exactly.
 *
 * <p>The id space is cut into chunks of {@code bms.batch.size} consecutive ids; {@link ChunkSum} tasks on a
 * dedicated {@link ForkJoinPool} sum the chunks in parallel, one SQL aggregate per chunk, and combine the
 * subtotals as unbounded integers, so no total is too large to be exact. Only one chunk's subtotals per task
 * are ever in memory.
 *
 * <p>One consistent snapshot: every connection the tasks read from was pinned to the same committed state
 * by {@link SqliteSnapshots} before the first chunk is read, so a write that commits meanwhile is counted
 * wholly (if it committed before the pinning) or not at all.
 *
 * <p>The result is cached until an account changes: a listener counts the changes after each commit, and
 * a cached total is served only if no change was counted since it was started.
 */
@Service
public class BatchTotalService {

    static final String CACHE = "batch-total";
    private static final String KEY = "all";
    private static final Logger log = LoggerFactory.getLogger(BatchTotalService.class);

    private final SqliteSnapshots snapshots;
    private final ForkJoinPool pool;
    private final BatchProperties properties;
    private final Cache cache;
    private final AtomicLong changes = new AtomicLong();

    BatchTotalService(
            SqliteSnapshots snapshots,
            @Qualifier(BatchConfiguration.POOL) ForkJoinPool pool,
            BatchProperties properties,
            CacheManager caches) {
        this.snapshots = snapshots;
        this.pool = pool;
        this.properties = properties;
        this.cache = caches.getCache(CACHE);
    }

    /** The cached total if there is one and {@code fresh} is false; otherwise a new computation. */
    public BatchTotalView total(boolean fresh) {
        long generation = changes.get();
        Cached cached = fresh ? null : cache.get(KEY, Cached.class);
        if (cached != null && cached.generation() == generation) {
            return BatchTotalView.of(cached.total());
        }
        BatchTotal computed = compute();
        cache.put(KEY, new Cached(generation, computed));
        return BatchTotalView.of(computed);
    }

    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMMIT,
            classes = {AccountCreated.class, AccountRevised.class, AccountClosed.class})
    void accountsChanged() {
        changes.incrementAndGet();
        cache.evict(KEY);
    }

    /**
     * A total and the number of account changes seen before it was computed. It is served only while that
     * number is current, so a computation that raced with a change can never pass off its older answer.
     */
    private record Cached(long generation, BatchTotal total) {}

    private BatchTotal compute() {
        long start = System.nanoTime();
        int parallelism = pool.getParallelism();
        try (Snapshot snapshot = snapshots.open(parallelism)) {
            Connection first = snapshot.connections().get(0);
            Optional<ActiveBalances.IdRange> ids = ActiveBalances.idRange(first);
            if (ids.isEmpty()) {
                return new BatchTotal(
                        snapshot.asOf(), 0, List.of(), properties.size(), 0, parallelism, millisSince(start));
            }
            long firstId = ids.get().first();
            long chunks = (ids.get().last() - firstId) / properties.size() + 1;
            Subtotals subtotals;
            try (var reader = new ChunkReader(
                    snapshot.connections(), ActiveBalances.currencies(first), firstId, properties.size())) {
                subtotals = pool.invoke(new ChunkSum(reader, 0, chunks));
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
            return total;
        } catch (SQLException e) {
            // A busy database is told apart by the problem handler, as for every request.
            throw new IllegalStateException("Reading the batch total failed", e);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
