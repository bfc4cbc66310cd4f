package org.bms.account;

/** Whether an account can still be used. Closed accounts are kept, with their history, for good. */
public enum AccountStatus {
    ACTIVE,
    CLOSED
}
