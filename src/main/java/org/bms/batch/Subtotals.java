package org.bms.batch;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-currency sums of some chunks, combined pairwise as the fork/join tasks finish. Every addition is
 * checked: a total that does not fit 64 bits of minor units is an error, never a wrapped number.
 */
final class Subtotals {

    private final Map<String, CurrencyTotal> byCurrency = new TreeMap<>();

    void add(String currencyCode, long minorUnits, long accounts) {
        byCurrency.merge(
                currencyCode,
                new CurrencyTotal(Currency.getInstance(currencyCode), minorUnits, accounts),
                Subtotals::plus);
    }

    Subtotals mergedWith(Subtotals other) {
        other.byCurrency
                .values()
                .forEach(total -> add(total.currency().getCurrencyCode(), total.minorUnits(), total.accounts()));
        return this;
    }

    /** Sorted by currency code. */
    List<CurrencyTotal> totals() {
        return List.copyOf(byCurrency.values());
    }

    long accounts() {
        return byCurrency.values().stream().mapToLong(CurrencyTotal::accounts).sum();
    }

    private static CurrencyTotal plus(CurrencyTotal a, CurrencyTotal b) {
        try {
            return new CurrencyTotal(
                    a.currency(), Math.addExact(a.minorUnits(), b.minorUnits()), a.accounts() + b.accounts());
        } catch (ArithmeticException e) {
            throw new TotalOverflowException(a.currency());
        }
    }
}
