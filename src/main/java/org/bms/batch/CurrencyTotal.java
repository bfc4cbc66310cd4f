package org.bms.batch;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;

/**
 * The sum of the balances of one currency's active accounts, in minor units, and how many there are. Unbounded:
 * 93 accounts at the largest two-decimal balance already add up to more than 64 bits of minor units.
 */
record CurrencyTotal(Currency currency, BigInteger minorUnits, long accounts) implements Serializable {

    BigDecimal amount() {
        return new BigDecimal(minorUnits, currency.getDefaultFractionDigits());
    }

    CurrencyTotal plus(CurrencyTotal other) {
        return new CurrencyTotal(currency, minorUnits.add(other.minorUnits), accounts + other.accounts);
    }
}
