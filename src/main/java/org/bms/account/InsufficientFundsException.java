package org.bms.account;

import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A withdrawal, transfer or reversal that would take an account below zero: 409. */
public class InsufficientFundsException extends ProblemException {

    public InsufficientFundsException(long id, Money balance, Money amount) {
        super(
                HttpStatus.CONFLICT,
                "insufficient-funds",
                "Insufficient funds",
                "Account " + id + " holds " + balance + ", less than the " + amount + " to be taken from it");
    }
}
