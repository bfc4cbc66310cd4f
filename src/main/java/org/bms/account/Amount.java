package org.bms.account;

import java.math.BigDecimal;
import java.util.Currency;
import org.bms.validation.InvalidInputException;
import org.bms.validation.InvalidValueException;

/**
 * How much a movement moves, as the client asked, before its currency is known: above zero and at most {@link
 * Money#MAX}. {@link #in} makes it money of the account's currency, exact at that currency's scale.
 */
record Amount(BigDecimal value) {

    static Amount parse(BigDecimal raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        if (raw.signum() <= 0) {
            throw new InvalidValueException("must be above zero");
        }
        if (raw.compareTo(Money.MAX) > 0) {
            throw new InvalidValueException("must not exceed " + Money.MAX.toPlainString());
        }
        return new Amount(raw);
    }

    /** The amount in {@code currency}; a 400 naming the field when it is not exact at the currency's scale. */
    Money in(Currency currency) {
        try {
            return Money.positive(value, currency);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("amount", e.getMessage());
        }
    }
}
