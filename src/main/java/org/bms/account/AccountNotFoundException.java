package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No account has the id asked for: 404. */
public class AccountNotFoundException extends ProblemException {

    public AccountNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "No account with id " + id);
    }

    /** The account on one side of a transfer: the detail says which side. */
    public AccountNotFoundException(long id, String side) {
        super(
                HttpStatus.NOT_FOUND,
                "account-not-found",
                "Account not found",
                "No account with id " + id + " (" + side + ")");
    }
}
