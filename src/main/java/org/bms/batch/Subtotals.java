package org.bms.batch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bms.account.CurrencyTotal;

/** Per-currency sums of some chunks, combined pairwise as the fork/join tasks finish; exact at any size. */
final class Subtotals {

    private final Map<String, CurrencyTotal> byCurrency = new TreeMap<>();

    /** The subtotals one chunk's sums make. */
    static Subtotals of(List<CurrencyTotal> sums) {
        var subtotals = new Subtotals();
        sums.forEach(subtotals::add);
        return subtotals;
    }

    Subtotals mergedWith(Subtotals other) {
        other.byCurrency.values().forEach(this::add);
        return this;
    }

    /** Sorted by currency code. */
    List<CurrencyTotal> totals() {
        return List.copyOf(byCurrency.values());
    }

    long accounts() {
        return byCurrency.values().stream().mapToLong(CurrencyTotal::accounts).sum();
    }

    private void add(CurrencyTotal total) {
        byCurrency.merge(total.currency(), total, CurrencyTotal::plus);
    }
}
