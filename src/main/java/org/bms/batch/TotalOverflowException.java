package org.bms.batch;

import java.util.Currency;

/** A currency's total is larger than a signed 64-bit count of its minor units can hold. */
public class TotalOverflowException extends RuntimeException {

    public TotalOverflowException(Currency currency) {
        super((currency == null ? "A currency's" : "The " + currency.getCurrencyCode())
                + " total of the active balances is too large to compute exactly"
                + " (over 9,223,372,036,854,775,807 minor units)");
    }
}
