package org.bms.rates;

import java.time.Duration;

/** The source could not be read and no earlier result is kept to fall back on. */
public class RatesUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    public RatesUnavailableException(String source, String reason, Duration retryAfter) {
        super("The " + source + " rates are unavailable (" + reason + ") and none were read before; retry later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
