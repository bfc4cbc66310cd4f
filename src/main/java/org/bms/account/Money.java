package org.bms.account;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.bms.validation.InvalidValueException;

/**
 * An exact amount in one currency, held as a count of the currency's minor units (cents for USD, yen for
 * JPY). Amounts that are not exact at the currency's scale are refused, never rounded.
 */
public record Money(long minorUnits, Currency currency) {

    /** The largest balance the bank keeps; it fits a signed 64-bit count of minor units at scale 2. */
    public static final BigDecimal MAX = new BigDecimal("999999999999999.99");

    public Money {
        if (minorUnits < 0) {
            throw new InvalidValueException("must not be negative");
        }
    }

    /** Converts an amount from the API, refusing negatives, amounts over {@link #MAX} and excess decimals. */
    public static Money of(BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw new InvalidValueException("is required");
        }
        if (amount.signum() < 0) {
            throw new InvalidValueException("must not be negative");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidValueException("must not exceed " + MAX.toPlainString());
        }
        int scale = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new InvalidValueException(
                    "must have at most " + scale + " decimal places for " + currency.getCurrencyCode());
        }
        try {
            return new Money(amount.movePointRight(scale).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("is too large for " + currency.getCurrencyCode());
        }
    }

    /** Parses an ISO 4217 code; only currencies with a defined minor unit can hold balances. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            throw new InvalidValueException("must be a three-letter ISO 4217 currency code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("has no minor unit, so it cannot hold a balance");
        }
        return currency;
    }

    /** The amount at the currency's scale: {@code 1000.00} for USD, {@code 1000} for JPY. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
