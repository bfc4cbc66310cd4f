package org.bms.cli;

import java.io.PrintWriter;
import java.net.URI;

/** No HTTP answer at all: nothing listens at the URL, the connection broke, or it timed out. */
final class ServiceUnreachableException extends ServiceException {

    private final URI url;

    ServiceUnreachableException(URI url, Exception cause) {
        super("Cannot reach the service at " + url, cause);
        this.url = url;
    }

    @Override
    int exitCode() {
        return BmsCli.UNAVAILABLE;
    }

    @Override
    void report(PrintWriter err) {
        // The JDK's ConnectException often has no message; its type says enough ("connection refused").
        String reason = getCause().getMessage() == null
                ? getCause().getClass().getSimpleName()
                : getCause().getClass().getSimpleName() + ": " + getCause().getMessage();
        err.println("Cannot reach the service at " + url + " (" + reason + ").");
        err.println("Is it running? Point the client at it with --url or BMS_URL.");
    }
}
