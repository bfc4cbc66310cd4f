package org.bms.database;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each piece of work in a read-write transaction of its own, run again when the database undid it for losing a race
 * with another one (PostgreSQL's serialization failure or deadlock, SQLSTATE 40001 and 40P01). Such a transaction changed nothing,
 * so running it again is safe, and the client gets its answer instead of a refusal. A refusal that persists past
 * the last attempt is answered as the database being busy.
 */
final class SingleTransactions implements Transactions {

    static final int ATTEMPTS = 5;

    private final TransactionTemplate template;

    SingleTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
