package org.bms.account;

import java.util.Optional;

/** The accounts repository's way to lock an account for a change; see {@link AccountLocksImpl}. */
interface AccountLocks {

    /**
     * The account, locked until the transaction ends ({@code SELECT … FOR UPDATE} where the database has it): a
     * change checks its preconditions against the version no other writer, on any instance, can move meanwhile.
     * SQLite's single writer serialises changes already.
     */
    Optional<Account> findForChange(long id);
}
