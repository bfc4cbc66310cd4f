package org.bms.security;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A valid token whose roles do not allow what it asked for: 403, and nothing changed. */
public class ForbiddenException extends ProblemException {

    ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
