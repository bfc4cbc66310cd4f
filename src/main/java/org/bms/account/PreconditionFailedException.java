package org.bms.account;

/** The client's {@code If-None-Match} rules out the account's current version (or, with {@code *}, any). */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
