package org.bms.rates;

/** The page was read but does not hold the expected table, or the table cannot be understood. */
class MalformedPageException extends RuntimeException {

    MalformedPageException(String message) {
        super(message);
    }
}
