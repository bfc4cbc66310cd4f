package org.bms.account;

/** The client's {@code If-Match} names a version of the account that is no longer current. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(long id, long currentVersion) {
        super("Account " + id + " is at version " + currentVersion + "; read it again and retry with If-Match: \""
                + currentVersion + "\"");
    }
}
