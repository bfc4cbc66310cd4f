package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit on SQLite: pieces that queued together commit in one transaction, and a piece that fails, even one
 * that dooms the transaction, leaves nothing of itself and takes nothing of the others with it.
 */
@SpringBootTest
@TestPropertySource(
        properties = {"bms.database.url=target/test-db/group-commit-${random.uuid}.sqlite", "LOG_PATH=target/test-logs"
        })
@SqliteOnly
class GroupCommitTest {

    private static final int PIECES = 20;

    @Autowired
    private Transactions transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    private ExecutorService callers;

    @BeforeEach
    void scratchTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS group_commit_test (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL)");
        jdbc.update("DELETE FROM group_commit_test");
        callers = Executors.newFixedThreadPool(PIECES);
    }

    @AfterEach
    void stopCallers() throws InterruptedException {
        callers.shutdown();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void piecesThatWaitedTogetherCommitTogetherAndAFailedPieceLeavesNothing() {
        CompletableFuture<Object> first = holdTheWriterUntilWaiting(PIECES - 1, 0);
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int i = 1; i < PIECES; i++) {
            int piece = i;
            others.add(submit(() -> {
                Object batch = insert(piece);
                if (piece % 2 == 1) {
                    throw new IllegalStateException("piece " + piece + " refused");
                }
                return batch;
            }));
        }

        assertThat(first.join()).isNotNull();
        List<Object> batches = new ArrayList<>();
        for (int i = 1; i < PIECES; i++) {
            CompletableFuture<Object> answer = others.get(i - 1);
            if (i % 2 == 1) {
                assertThatThrownBy(answer::join).hasRootCauseMessage("piece " + i + " refused");
            } else {
                batches.add(answer.join());
            }
        }
        assertThat(batches)
                .as("one transaction for the pieces that waited together")
                .containsOnly(batches.get(0));
        assertThat(jdbc.queryForList("SELECT id FROM group_commit_test ORDER BY id", Integer.class))
                .containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
    }

    @Test
    void aPieceThatDoomsTheTransactionFailsAloneAndTheOthersCommitEach() {
        CompletableFuture<Object> first = holdTheWriterUntilWaiting(3, 100);
        List<CompletableFuture<Object>> others = List.of(
                submit(() -> insert(101)),
                // A duplicate key through JPA: Hibernate marks the whole transaction for rollback.
                submit(() -> entityManager
                        .createNativeQuery("INSERT INTO group_commit_test (id, batch) VALUES (100, 0)")
                        .executeUpdate()),
                submit(() -> insert(102)));

        assertThat(first.join()).isNotNull();
        assertThat(others.get(0).join()).isNotNull();
        assertThatThrownBy(() -> others.get(1).join()).isInstanceOf(CompletionException.class);
        assertThat(others.get(2).join()).isNotNull();
        assertThat(jdbc.queryForList("SELECT id FROM group_commit_test ORDER BY id", Integer.class))
                .containsExactly(100, 101, 102);
    }

    @Test
    void whatAFailedPieceRegisteredForAfterTheCommitNeverHappens() {
        List<Integer> committed = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> first = holdTheWriterUntilWaiting(4, 200);
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int piece = 201; piece <= 204; piece++) {
            int id = piece;
            others.add(submit(() -> {
                Object batch = insert(id);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.add(id);
                    }
                });
                if (id % 2 == 1) {
                    throw new IllegalStateException("piece " + id + " refused");
                }
                return batch;
            }));
        }

        assertThat(first.join()).isNotNull();
        others.forEach(answer -> answer.handle((batch, failure) -> batch).join());
        assertThat(committed).containsExactlyInAnyOrder(202, 204);
        assertThat(jdbc.queryForList("SELECT id FROM group_commit_test ORDER BY id", Integer.class))
                .containsExactly(200, 202, 204);
    }

    /**
     * A piece that, the first time it runs, holds the writer until {@code others} pieces wait behind it, so that they
     * make one batch; it inserts row {@code id}. Answers once the writer has it.
     */
    private CompletableFuture<Object> holdTheWriterUntilWaiting(int others, int id) {
        GroupCommit group = (GroupCommit) transactions;
        var running = new CountDownLatch(1);
        var held = new AtomicBoolean();
        CompletableFuture<Object> piece = submit(() -> {
            running.countDown();
            if (!held.getAndSet(true)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> group.waiting() == others);
            }
            return insert(id);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> running.getCount() == 0);
        return piece;
    }

    /** Inserts a row and answers which transaction it ran in. */
    private Object insert(int id) {
        Object transaction = TransactionSynchronizationManager.getResource(entityManagerFactory);
        jdbc.update(
                "INSERT INTO group_commit_test (id, batch) VALUES (?, ?)", id, System.identityHashCode(transaction));
        return transaction;
    }

    private CompletableFuture<Object> submit(Supplier<Object> work) {
        return CompletableFuture.supplyAsync(() -> transactions.execute(work), callers);
    }
}
