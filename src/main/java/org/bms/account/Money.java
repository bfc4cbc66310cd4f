package org.bms.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import org.bms.validation.InvalidValueException;

/**
 * An exact, signed amount in one currency, held as a count of the currency's minor units (cents for USD, yen for
 * JPY). Amounts from clients are refused, never rounded, when they are not exact at the currency's scale; sums
 * are exact or fail, and never pass {@link #MAX} either way.
 */
public record Money(long minorUnits, Currency currency) {

    /** The largest amount the bank keeps; it fits a signed 64-bit count of minor units at scale 2. */
    public static final BigDecimal MAX = new BigDecimal("999999999999999.99");

    /** No money in {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Converts a balance from the API: zero or more, at most {@link #MAX}, exact at the currency's scale. */
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

    /** Converts the amount of a movement from the API: as {@link #of}, and above zero. */
    public static Money positive(BigDecimal amount, Currency currency) {
        Money money = of(amount, currency);
        if (!money.isPositive()) {
            throw new InvalidValueException("must be above zero");
        }
        return money;
    }

    /** The largest amount {@code currency} can hold: {@link #MAX}, cut to the currency's scale. */
    public static Money max(Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        return new Money(
                MAX.setScale(scale, RoundingMode.DOWN).movePointRight(scale).longValueExact(), currency);
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

    /** This plus {@code other}, exactly; an {@link ArithmeticException} past the range of a long. */
    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** This minus {@code other}, exactly; an {@link ArithmeticException} past the range of a long. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** The same amount with the other sign. */
    public Money negated() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** Whether this is more than the bank keeps: {@link #max(Currency)} of its currency. */
    public boolean exceedsMax() {
        return minorUnits > max(currency).minorUnits;
    }

    /** The amount at the currency's scale: {@code 1000.00} for USD, {@code 1000} for JPY. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    private Money sameCurrency(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " with " + other);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
