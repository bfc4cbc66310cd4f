package org.bms.batch;

import java.math.BigDecimal;
import java.util.Currency;

/** The sum of the balances of one currency's active accounts, in minor units, and how many there are. */
record CurrencyTotal(Currency currency, long minorUnits, long accounts) {

    BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }
}
