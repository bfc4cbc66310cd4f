package org.bms.account;

import java.math.BigDecimal;
import java.time.Instant;

/** A movement as the API shows it: the amount is above zero, the direction is in {@code from} and {@code to}. */
public record MovementView(
        long id,
        MovementType type,
        String currency,
        BigDecimal amount,
        Long from,
        Long to,
        String reference,
        Long reverses,
        Long reversedBy,
        Instant createdAt,
        String createdBy) {

    static MovementView of(Movement movement, Long reversedBy) {
        return new MovementView(
                movement.id(),
                movement.type(),
                movement.amount().currency().getCurrencyCode(),
                movement.amount().amount(),
                movement.from(),
                movement.to(),
                movement.reference(),
                movement.reverses(),
                reversedBy,
                movement.createdAt(),
                movement.createdBy());
    }

    String location() {
        return "/movements/" + id;
    }
}
