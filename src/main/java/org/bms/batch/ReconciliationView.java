package org.bms.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The reconciliation as the API shows it: per currency, the customer accounts' stored balances beside the sums of
 * their postings and the outside world's; every account whose balance differs from its postings.
 */
public record ReconciliationView(
        Instant asOf,
        long accounts,
        long movements,
        List<Mismatch> mismatches,
        List<CurrencyView> currencies,
        int chunkSize,
        long chunks,
        int parallelism,
        long elapsedMs) {

    /** An account whose stored balance is not the sum of its postings. */
    public record Mismatch(long account, BigDecimal balance, BigDecimal postings) {}

    /** One currency's figures at its scale; {@code balances + outside} is zero when all is well. */
    public record CurrencyView(
            String currency, long accounts, BigDecimal balances, BigDecimal postings, BigDecimal outside) {}

    static ReconciliationView of(
            Instant asOf, Tally tally, int chunkSize, long chunks, int parallelism, long elapsedMs) {
        return new ReconciliationView(
                asOf,
                tally.accounts(),
                tally.movements(),
                tally.mismatches().stream()
                        .map(check -> new Mismatch(
                                check.account(),
                                scaled(BigInteger.valueOf(check.balance()), check.currency()),
                                scaled(check.postings(), check.currency())))
                        .toList(),
                tally.currencies().entrySet().stream()
                        .map(entry -> new CurrencyView(
                                entry.getKey(),
                                entry.getValue().accounts(),
                                scaled(entry.getValue().balances(), entry.getKey()),
                                scaled(entry.getValue().postings(), entry.getKey()),
                                scaled(entry.getValue().outside(), entry.getKey())))
                        .toList(),
                chunkSize,
                chunks,
                parallelism,
                elapsedMs);
    }

    private static BigDecimal scaled(BigInteger minorUnits, String currency) {
        return new BigDecimal(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
