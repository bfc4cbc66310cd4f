package org.bms.account;

/** No account has the requested id. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(long id) {
        super("No account with id " + id);
    }
}
