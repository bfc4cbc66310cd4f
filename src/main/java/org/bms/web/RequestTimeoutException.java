package org.bms.web;

import java.io.IOException;
import java.time.Duration;

/** A request body that did not arrive whole within the time the service allows for one. */
public class RequestTimeoutException extends IOException {

    public RequestTimeoutException(Duration timeout, Throwable cause) {
        super("The request body did not arrive within " + timeout.toSeconds() + " s", cause);
    }
}
