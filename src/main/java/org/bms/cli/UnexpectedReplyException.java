package org.bms.cli;

import java.io.PrintWriter;

/**
 * The service answered, but not as the API does: a redirect, or a success whose body is not JSON (a proxy's
 * page, say). The client neither follows nor guesses.
 */
final class UnexpectedReplyException extends ServiceException {

    UnexpectedReplyException(String message) {
        super(message, null);
    }

    @Override
    void report(PrintWriter err) {
        err.println(getMessage());
    }
}
