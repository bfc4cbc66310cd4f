package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Another account, open or closed, has the number: 409. */
public class AccountNumberTakenException extends ProblemException {

    public AccountNumberTakenException(AccountNumber number) {
        super(
                HttpStatus.CONFLICT,
                "duplicate-account-number",
                "Account number already in use",
                "Account number " + number.masked() + " is already in use");
    }
}
