package org.bms.account;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement as an account's statement shows it: the amount signed from the account's side, the balance it left,
 * and the other side ({@code null} for the outside world).
 */
public record StatementLine(
        long movement,
        MovementType type,
        BigDecimal amount,
        BigDecimal balanceAfter,
        Long counterparty,
        String reference,
        Instant createdAt,
        String createdBy) {

    static StatementLine of(long account, Posting posting) {
        Movement movement = posting.movement();
        return new StatementLine(
                movement.id(),
                movement.type(),
                posting.amount().amount(),
                posting.balanceAfter().amount(),
                movement.counterpartyOf(account),
                movement.reference(),
                movement.createdAt(),
                movement.createdBy());
    }
}
