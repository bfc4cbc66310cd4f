package org.bms.web;

import java.io.IOException;

/** A request body over the size the service accepts. An {@link IOException} so it can surface from a stream. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit / 1024 + " KiB");
    }
}
