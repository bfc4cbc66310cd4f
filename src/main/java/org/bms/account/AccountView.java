package org.bms.account;

import java.math.BigDecimal;
import java.time.Instant;

/** An account as the API shows it. */
public record AccountView(
        long id,
        String name,
        String number,
        BigDecimal balance,
        String currency,
        AccountStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static AccountView of(Account account) {
        return new AccountView(
                account.id(),
                account.name().value(),
                account.number().value(),
                account.balance().amount(),
                account.currency().getCurrencyCode(),
                account.status(),
                account.createdAt(),
                account.updatedAt(),
                account.version());
    }

    public String etag() {
        return Preconditions.etagOf(version);
    }
}
