package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An If-None-Match that names the current version (or *): 412. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String message) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", message);
    }
}
