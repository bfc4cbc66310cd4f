package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A reversal of a reversal: 409. Making the original movement again is how a reversal is undone. */
public class NotReversibleException extends ProblemException {

    public NotReversibleException(long id) {
        super(
                HttpStatus.CONFLICT,
                "not-reversible",
                "Movement cannot be reversed",
                "Movement " + id + " is a reversal; make the original movement again instead");
    }
}
