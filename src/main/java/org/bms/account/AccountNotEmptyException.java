package org.bms.account;

/** An account can only be closed once its balance is zero. */
public class AccountNotEmptyException extends RuntimeException {

    public AccountNotEmptyException(Long id, Money balance) {
        super("Account " + id + " still holds " + balance + "; only an account with a zero balance can be closed");
    }
}
