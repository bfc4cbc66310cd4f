package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Closing an account that still holds money: 409. */
public class AccountNotEmptyException extends ProblemException {

    public AccountNotEmptyException(Long id, Money balance) {
        super(
                HttpStatus.CONFLICT,
                "account-not-empty",
                "Account balance is not zero",
                "Account " + id + " still holds " + balance + "; only an account with a zero balance can be closed");
    }
}
