package org.bms.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/**
 * Locks an account by loading it by id with a lock, as {@link EntityManager#find} does without a query to interpret:
 * every movement locks one or two accounts, on the writer's critical path.
 */
class AccountLocksImpl implements AccountLocks {

    private final EntityManager entityManager;

    AccountLocksImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Account> findForChange(long id) {
        return Optional.ofNullable(entityManager.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
