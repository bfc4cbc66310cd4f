package org.bms.rates;

import java.time.Duration;

/** The source could not be read and no earlier result is kept to fall back on. */
public class RatesUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    /** The reason is for the log; clients are told only what they can act on. */
    public RatesUnavailableException(String source, Duration retryAfter) {
        super("The " + source + " rates cannot be read from the bank's site right now, and none were read"
                + " before; retry later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
