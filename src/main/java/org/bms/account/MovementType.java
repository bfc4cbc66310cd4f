package org.bms.account;

/** What a movement did. Every type but {@link #REVERSAL} can be reversed, once. */
public enum MovementType {
    /** The opening balance of a new account, from the outside world. */
    OPENING,
    /** Money paid in from the outside world. */
    DEPOSIT,
    /** Money paid out to the outside world. */
    WITHDRAWAL,
    /** Money from one account to another, in one currency. */
    TRANSFER,
    /** A balance an administrator set by revising the account: the difference, to or from the outside world. */
    ADJUSTMENT,
    /** The same amount moved back, undoing another movement. */
    REVERSAL
}
