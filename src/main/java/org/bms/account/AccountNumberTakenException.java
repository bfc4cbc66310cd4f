package org.bms.account;

/** Another account, open or closed, already holds the number. */
public class AccountNumberTakenException extends RuntimeException {

    public AccountNumberTakenException(AccountNumber number) {
        super("Account number " + number.masked() + " is already in use");
    }
}
