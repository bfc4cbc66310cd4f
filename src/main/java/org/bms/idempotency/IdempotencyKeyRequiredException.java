package org.bms.idempotency;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A money move without a usable {@code Idempotency-Key}: 400. */
public class IdempotencyKeyRequiredException extends ProblemException {

    IdempotencyKeyRequiredException(boolean missing) {
        super(
                HttpStatus.BAD_REQUEST,
                "idempotency-key-required",
                "Idempotency-Key required",
                (missing ? "The Idempotency-Key header is missing" : "The Idempotency-Key header is malformed")
                        + "; a request that moves money must carry one of 1 to "
                        + IdempotentRequest.MAX_KEY_LENGTH
                        + " visible ASCII characters, the same on every retry");
    }
}
