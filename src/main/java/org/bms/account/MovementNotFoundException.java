package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No movement has the id asked for: 404. */
public class MovementNotFoundException extends ProblemException {

    public MovementNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "movement-not-found", "Movement not found", "No movement with id " + id);
    }
}
