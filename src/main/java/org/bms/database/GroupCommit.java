package org.bms.database;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for SQLite: a writer thread takes the work waiting for the single writer and runs up to {@value
 * #MAX_BATCH} pieces in one transaction, so that one {@code COMMIT} (one sync of the journal to the disk) makes them
 * all durable, as TigerBeetle batches transfers. Each caller waits for the commit, and is answered only after it.
 *
 * <p>Nothing is given up for it:
 * <ul>
 *   <li>Each piece runs in a savepoint and is flushed before the next: a piece that throws is rolled back alone (its
 *       entities forgotten, so none of its changes can reach a later flush, and what it registered for after the
 *       commit dropped), and its caller gets its exception, as it would from a transaction of its own. The others
 *       go on.
 *   <li>A commit that fails leaves none of the batch: every caller whose piece had succeeded gets the failure, unless
 *       the failure was only the batch being marked for rollback by a failed piece, in which case each of them runs
 *       again in a transaction of its own.
 *   <li>The pieces run one after the other on one connection in the order they came, as they would queue for the
 *       single writer anyway, each seeing the ones before it.
 *   <li>Each piece runs with its caller's security context and log context (who did it, and the request id).
 * </ul>
 * A caller that waited {@code bms.database.lock-timeout} before its piece began gets the database as busy, and its
 * piece never runs.
 */
final class GroupCommit implements Transactions, DisposableBean {

    static final int MAX_BATCH = 64;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<Piece<?>> waiting = new LinkedBlockingQueue<>();
    private final TransactionTemplate template;
    private final EntityManager entityManager;
    private final Duration patience;
    private final Thread writer;
    private volatile boolean stopping;

    GroupCommit(PlatformTransactionManager transactions, EntityManager entityManager, Duration patience) {
        this.template = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.patience = patience;
        this.writer = new Thread(this::write, "group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        if (stopping) {
            throw new IllegalStateException("The service is stopping");
        }
        var piece = new Piece<>(work);
        waiting.add(piece);
        return piece.answer(patience);
    }

    /** How many pieces are waiting for the writer. */
    int waiting() {
        return waiting.size();
    }

    private void write() {
        List<Piece<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !waiting.isEmpty()) {
            try {
                Piece<?> first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(piece -> !piece.start());
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(piece -> piece.fail(e));
                log.error("The group commit failed outside any piece", e);
            } finally {
                // Never leave a caller waiting for a batch that ended without an answer, even by an Error.
                batch.forEach(piece -> piece.fail(new IllegalStateException("The group commit ended unanswered")));
                batch.clear();
            }
        }
    }

    /** Runs the batch in one transaction and answers each piece once it committed, or failed. */
    private void commit(List<Piece<?>> batch) {
        List<Piece<?>> succeeded = new ArrayList<>(batch.size());
        try {
            template.executeWithoutResult(status -> {
                for (Piece<?> piece : batch) {
                    if (runInSavepoint(piece)) {
                        succeeded.add(piece);
                    }
                }
            });
        } catch (RuntimeException failed) {
            if (batch.size() > 1 && failed instanceof UnexpectedRollbackException) {
                // A failed piece marked the whole transaction for rollback: the others deserve a transaction each.
                for (Piece<?> piece : succeeded) {
                    commit(List.of(piece));
                }
                return;
            }
            // Nothing of the batch is left; a piece that had failed on its own keeps its own failure.
            batch.forEach(piece -> piece.fail(failed));
            return;
        }
        succeeded.forEach(Piece::succeed);
    }

    /**
     * Runs a piece between a JDBC savepoint and its release, on the transaction's own connection. (Spring's nested
     * transactions cannot: its Hibernate dialect offers no savepoints.)
     */
    private boolean runInSavepoint(Piece<?> piece) {
        Session session = entityManager.unwrap(Session.class);
        Savepoint savepoint = session.doReturningWork(Connection::setSavepoint);
        List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
        try {
            piece.run();
            entityManager.flush();
            session.doWork(connection -> connection.releaseSavepoint(savepoint));
            // Flushed, so nothing is lost; forgetting keeps each flush's dirty check to the piece's own entities.
            entityManager.clear();
            return true;
        } catch (RuntimeException e) {
            session.doWork(connection -> connection.rollback(savepoint));
            entityManager.clear();
            keepOnly(before);
            piece.fail(e);
            return false;
        }
    }

    /**
     * Forgets what a piece rolled back to its savepoint registered for after the commit (its events, its counts):
     * none of it happened.
     */
    private static void keepOnly(List<TransactionSynchronization> synchronizations) {
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        synchronizations.forEach(TransactionSynchronizationManager::registerSynchronization);
    }

    /** Lets the waiting work finish, then stops the writer; called when the context closes, after the web server. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(patience.toMillis() + 5_000);
    }

    /** One caller's work: waiting, then running on the writer thread, then answered. */
    private static final class Piece<T> {

        private static final int WAITING = 0;
        private static final int STARTED = 1;
        private static final int ABANDONED = 2;

        private final Supplier<T> work;
        private final SecurityContext security = SecurityContextHolder.getContext();
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private T result;

        Piece(Supplier<T> work) {
            this.work = work;
        }

        /** Whether the writer may run it: not if its caller gave up waiting. */
        boolean start() {
            return state.compareAndSet(WAITING, STARTED);
        }

        void run() {
            SecurityContextHolder.setContext(security);
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                result = work.get();
            } finally {
                SecurityContextHolder.clearContext();
                MDC.clear();
            }
        }

        void succeed() {
            answer.complete(result);
        }

        void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }

        T answer(Duration patience) {
            try {
                return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (state.compareAndSet(WAITING, ABANDONED)) {
                    throw new DatabaseUnavailableException(DatabaseUnavailableException.Reason.BUSY, e);
                }
                // Begun already: it commits or fails soon, and its caller must learn which, not hear a refusal
                // that could be a lie about a piece that commits.
                try {
                    return answer.join();
                } catch (CompletionException failed) {
                    throw rethrown(failed.getCause());
                }
            }
        }

        private static RuntimeException rethrown(Throwable cause) {
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException(cause);
        }
    }
}
