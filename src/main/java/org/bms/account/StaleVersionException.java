package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An If-Match that names a version other than the current one: 412. */
public class StaleVersionException extends ProblemException {

    public StaleVersionException(long id, long currentVersion) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Account has changed",
                "Account " + id + " is at version " + currentVersion + "; read it again and retry with If-Match: \""
                        + currentVersion + "\"");
    }
}
