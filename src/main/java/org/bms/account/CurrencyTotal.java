package org.bms.account;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;

/**
 * The balances of some of one currency's active accounts summed, at the currency's scale, and how many accounts
 * they are. Unbounded: 93 accounts at the largest two-decimal balance already add up to more than 64 bits of minor
 * units. Serializable, so a shared cache (Redis) can keep it.
 */
public record CurrencyTotal(String currency, BigDecimal total, long accounts) implements Serializable {

    static CurrencyTotal ofMinorUnits(String currency, BigInteger minorUnits, long accounts) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return new CurrencyTotal(currency, new BigDecimal(minorUnits, scale), accounts);
    }

    /** Both totals together; exact, as both have the currency's scale. */
    public CurrencyTotal plus(CurrencyTotal other) {
        return new CurrencyTotal(currency, total.add(other.total), accounts + other.accounts);
    }
}
