package org.bms.idempotency;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An {@code Idempotency-Key} already used for a different request: 422, and nothing done. */
public class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request; send a new key for a new request");
    }
}
