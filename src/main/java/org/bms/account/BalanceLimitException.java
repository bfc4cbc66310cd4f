package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A movement that would take a balance past the largest amount the bank keeps: 409. */
public class BalanceLimitException extends ProblemException {

    public BalanceLimitException(long id, Money balance, Money amount) {
        super(
                HttpStatus.CONFLICT,
                "balance-limit",
                "Balance limit exceeded",
                "Account " + id + " holds " + balance + "; adding " + amount + " would pass the largest balance, "
                        + Money.max(balance.currency()));
    }
}
