package org.bms.account;

import java.util.Currency;
import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A transfer between accounts held in different currencies: 409. The bank does not exchange money. */
public class CurrencyMismatchException extends ProblemException {

    public CurrencyMismatchException(long from, Currency fromCurrency, long to, Currency toCurrency) {
        super(
                HttpStatus.CONFLICT,
                "currency-mismatch",
                "Currencies differ",
                "Account " + from + " is held in " + fromCurrency + " and account " + to + " in " + toCurrency
                        + "; a transfer stays in one currency");
    }
}
