package org.bms.account;

import java.time.Instant;

/**
 * An account was opened. Published inside the opening transaction, so listeners may either join it or wait
 * for its commit. Carries what others may know of the account: the number only masked.
 */
public record AccountCreated(
        long accountId, String holderName, String maskedNumber, Money openingBalance, Instant openedAt) {}
