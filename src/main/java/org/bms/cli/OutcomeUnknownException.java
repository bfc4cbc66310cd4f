package org.bms.cli;

import java.io.PrintWriter;

/**
 * A request that changes something reached the service, or may have, and no answer came back (the connection
 * broke or the read timed out). It may have been carried out: the user must look before sending it again. A
 * movement sent with an {@code Idempotency-Key} and retried with it is the exception: it happened once at most,
 * and the same key sent again tells which.
 */
final class OutcomeUnknownException extends ServiceException {

    /** The Idempotency-Key every attempt carried, or null for a request sent once without one. */
    private final String key;

    OutcomeUnknownException(String request, Exception cause) {
        super("No answer to " + request, cause);
        this.key = null;
    }

    private OutcomeUnknownException(String message, Throwable cause, String key) {
        super(message, cause);
        this.key = key;
    }

    /**
     * This request, sent {@code attempts} times in all with Idempotency-Key {@code key} and never answered so that
     * its outcome is known; {@code last} is what became of the last attempt.
     */
    OutcomeUnknownException retried(String key, int attempts, ServiceException last) {
        return new OutcomeUnknownException(
                getMessage() + ", sent " + Output.count(attempts, "time") + " with Idempotency-Key " + key, last, key);
    }

    @Override
    void report(PrintWriter err) {
        err.println(getMessage() + " (" + reason(getCause()) + ").");
        if (key == null) {
            err.println("It may have been carried out: check with get or list before you send it again.");
        } else {
            err.println("It may have been carried out, once at most: run the same command again with"
                    + " --idempotency-key " + key + " to learn its outcome, or to carry it out if it was not.");
        }
    }

    /**
     * Why an attempt got no answer that settles it: what went wrong on the wire ({@code SocketException:
     * Connection reset}), or the status the service answered with.
     */
    static String reason(Throwable cause) {
        if (cause instanceof ServiceProblemException answered) {
            return answered.getMessage();
        }
        Throwable wire = cause instanceof ServiceException && cause.getCause() != null ? cause.getCause() : cause;
        return ServiceUnreachableException.reason(wire);
    }
}
