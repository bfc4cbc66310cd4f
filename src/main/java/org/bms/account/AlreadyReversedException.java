package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A reversal of a movement that was reversed before: 409. */
public class AlreadyReversedException extends ProblemException {

    public AlreadyReversedException(long id) {
        super(
                HttpStatus.CONFLICT,
                "already-reversed",
                "Movement already reversed",
                "Movement " + id + " was reversed already; a movement is reversed at most once");
    }
}
