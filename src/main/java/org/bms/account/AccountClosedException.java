package org.bms.account;

/** The account is closed and can no longer change. */
public class AccountClosedException extends RuntimeException {

    public AccountClosedException(Long id) {
        super("Account " + id + " is closed and can no longer change");
    }
}
