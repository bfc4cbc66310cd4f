package org.bms.cli;

import java.io.PrintWriter;
import java.net.URI;

/** No HTTP answer at all: nothing listens at the URL, the connection broke, or it timed out. */
final class ServiceUnreachableException extends ServiceException {

    ServiceUnreachableException(URI url, Exception cause) {
        super("Cannot reach the service at " + url, cause);
    }

    @Override
    void report(PrintWriter err) {
        err.println(getMessage() + " (" + reason(getCause()) + ").");
        err.println("Is it running? Point the client at it with --url or BMS_URL.");
    }

    /** What went wrong on the wire, e.g. {@code ConnectException: Connection refused}. */
    static String reason(Throwable cause) {
        // Some of the JDK's network exceptions have no message; their type says enough.
        String type = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }
}
