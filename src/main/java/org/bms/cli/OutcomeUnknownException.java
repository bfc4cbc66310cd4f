package org.bms.cli;

import java.io.PrintWriter;

/**
 * A request that changes something reached the service, or may have, and no answer came back (the connection
 * broke or the read timed out). It may have been carried out: the user must look before sending it again.
 */
final class OutcomeUnknownException extends ServiceException {

    OutcomeUnknownException(String request, Exception cause) {
        super("No answer to " + request, cause);
    }

    @Override
    void report(PrintWriter err) {
        err.println(getMessage() + " (" + ServiceUnreachableException.reason(getCause()) + ").");
        err.println("It may have been carried out: check with get or list before you send it again.");
    }
}
