package org.bms.cli;

import java.io.PrintWriter;

/** Why a command did not succeed, and the exit code that says so. */
abstract class ServiceException extends RuntimeException {

    ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The service could not be reached or failed; only a refusal (4xx) says otherwise. */
    int exitCode() {
        return BmsCli.UNAVAILABLE;
    }

    /** Tells the user what went wrong, on standard error. */
    abstract void report(PrintWriter err);
}
