package org.bms.rates;

import java.time.Duration;
import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The source could not be read and no earlier result is kept to fall back on. */
public class RatesUnavailableException extends ProblemException {

    private final transient Duration retryAfter;

    /** The reason is for the log; clients are told only what they can act on. */
    public RatesUnavailableException(String source, Duration retryAfter) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "rates-unavailable",
                "Rates unavailable",
                "The " + source + " rates cannot be read from the bank's site right now, and none were read"
                        + " before; retry later");
        this.retryAfter = retryAfter;
        retryAfter(retryAfter.toSeconds());
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
