package org.bms.batch;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.bms.account.ActiveBalances;
import org.bms.account.LedgerBalances;
import org.bms.database.Snapshot;
import org.bms.database.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Checks every account, active and closed, against its postings, and every currency's balances against the outside
 * world's postings, over one consistent snapshot. Accounts are read in chunks of {@code bms.batch.size} ids and
 * movements in chunks of as many movement ids, in parallel on the batch's {@link ForkJoinPool}, as the batch total
 * is; never cached, because it is asked to find what changed behind the service's back.
 */
@Service
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final Snapshots snapshots;
    private final ForkJoinPool pool;
    private final BatchProperties properties;

    private final Timer durations;

    ReconciliationService(
            Snapshots snapshots,
            @Qualifier(BatchConfiguration.POOL) ForkJoinPool pool,
            BatchProperties properties,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.pool = pool;
        this.properties = properties;
        this.durations = BatchConfiguration.duration(meters, "reconciliation");
    }

    public ReconciliationView reconcile() {
        return durations.record(this::reconciled);
    }

    private ReconciliationView reconciled() {
        long start = System.nanoTime();
        int parallelism = pool.getParallelism();
        int size = properties.size();
        try (Snapshot snapshot = snapshots.open(parallelism);
                var checks = new PerConnection<>(snapshot.connections(), LedgerBalances::checks)) {
            Optional<ActiveBalances.IdRange> accountIds =
                    LedgerBalances.accountIds(snapshot.connections().get(0));
            Optional<ActiveBalances.IdRange> movementIds =
                    LedgerBalances.movementIds(snapshot.connections().get(0));
            long chunks = accountIds.map(ids -> chunks(ids, size)).orElse(0L);
            Tally accounts = accountIds
                    .map(ids -> pool.invoke(new Chunks<>(
                            index -> checks.use(check -> Tally.ofAccounts(
                                    check.accounts(ids.first() + index * size, ids.first() + (index + 1) * size))),
                            Tally::mergedWith,
                            0,
                            chunks)))
                    .orElseGet(Tally::new);
            Tally movements = movementIds
                    .map(ids -> pool.invoke(new Chunks<>(
                            index -> checks.use(check -> {
                                long from = ids.first() + index * size;
                                long to = from + size;
                                return Tally.ofMovements(check.movements(from, to), check.outside(from, to));
                            }),
                            Tally::mergedWith,
                            0,
                            chunks(ids, size))))
                    .orElseGet(Tally::new);
            Tally tally = accounts.mergedWith(movements);
            var reconciliation =
                    ReconciliationView.of(snapshot.asOf(), tally, size, chunks, parallelism, millisSince(start));
            log.info(
                    "Reconciled {} accounts and {} movements in {} ms: {} mismatches",
                    v("accounts", reconciliation.accounts()),
                    v("movements", reconciliation.movements()),
                    v("elapsedMs", reconciliation.elapsedMs()),
                    v("mismatches", reconciliation.mismatches().size()));
            return reconciliation;
        } catch (SQLException e) {
            // A busy database is told apart by the problem handler, as for every request.
            throw new IllegalStateException("Reading the reconciliation failed", e);
        }
    }

    private static long chunks(ActiveBalances.IdRange ids, int size) {
        return (ids.last() - ids.first()) / size + 1;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
