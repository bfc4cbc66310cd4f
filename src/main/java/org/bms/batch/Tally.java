package org.bms.batch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bms.account.LedgerBalances;

/**
 * What the reconciliation has counted in some chunks, combined pairwise as the fork/join tasks finish: per currency
 * the accounts, their stored balances, their postings and the outside world's postings; the movements; and every
 * account whose balance is not the sum of its postings. Exact at any size.
 */
final class Tally {

    /** One currency's figures, in minor units. */
    record CurrencyTally(long accounts, BigInteger balances, BigInteger postings, BigInteger outside) {

        static final CurrencyTally NONE = new CurrencyTally(0, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

        CurrencyTally plus(CurrencyTally other) {
            return new CurrencyTally(
                    accounts + other.accounts,
                    balances.add(other.balances),
                    postings.add(other.postings),
                    outside.add(other.outside));
        }
    }

    private final Map<String, CurrencyTally> byCurrency = new TreeMap<>();
    private final List<LedgerBalances.AccountCheck> mismatches = new ArrayList<>();
    private long movements;

    /** The tally of one chunk of accounts. */
    static Tally ofAccounts(List<LedgerBalances.AccountCheck> checks) {
        var tally = new Tally();
        for (LedgerBalances.AccountCheck check : checks) {
            tally.add(
                    check.currency(),
                    new CurrencyTally(1, BigInteger.valueOf(check.balance()), check.postings(), BigInteger.ZERO));
            if (!check.matches()) {
                tally.mismatches.add(check);
            }
        }
        return tally;
    }

    /** The tally of one chunk of movements: how many, and the outside world's postings. */
    static Tally ofMovements(long movements, List<LedgerBalances.OutsideSum> outside) {
        var tally = new Tally();
        tally.movements = movements;
        for (LedgerBalances.OutsideSum sum : outside) {
            tally.add(sum.currency(), new CurrencyTally(0, BigInteger.ZERO, BigInteger.ZERO, sum.minorUnits()));
        }
        return tally;
    }

    Tally mergedWith(Tally other) {
        other.byCurrency.forEach(this::add);
        mismatches.addAll(other.mismatches);
        movements += other.movements;
        return this;
    }

    /** Sorted by currency code. */
    Map<String, CurrencyTally> currencies() {
        return byCurrency;
    }

    /** In account order. */
    List<LedgerBalances.AccountCheck> mismatches() {
        mismatches.sort(Comparator.comparingLong(LedgerBalances.AccountCheck::account));
        return mismatches;
    }

    long accounts() {
        return byCurrency.values().stream().mapToLong(CurrencyTally::accounts).sum();
    }

    long movements() {
        return movements;
    }

    private void add(String currency, CurrencyTally tally) {
        byCurrency.merge(currency, tally, CurrencyTally::plus);
    }
}
