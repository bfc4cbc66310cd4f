package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A change to a closed account: 409. */
public class AccountClosedException extends ProblemException {

    public AccountClosedException(Long id) {
        super(
                HttpStatus.CONFLICT,
                "account-closed",
                "Account is closed",
                "Account " + id + " is closed and can no longer change");
    }
}
