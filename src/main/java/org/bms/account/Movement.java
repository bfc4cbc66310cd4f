package org.bms.account;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import org.bms.database.InstantConverter;
import org.hibernate.annotations.Immutable;

/**
 * Money that moved, kept for ever: one journal entry, whose two {@link Posting postings} take the amount from
 * {@code from} and give it to {@code to}. An account that is absent ({@code null}) is the bank's outside world
 * in the movement's currency. A movement is never changed; a wrong one is undone by a {@link MovementType#REVERSAL}.
 */
@Entity
@Immutable
@Table(name = "movement")
public class Movement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private MovementType type;

    @Convert(converter = CurrencyConverter.class)
    private Currency currency;

    private long amountMinor;

    private Long fromAccount;

    private Long toAccount;

    private String reference;

    private Long reverses;

    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    private String createdBy;

    protected Movement() {}

    Movement(
            MovementType type,
            Money amount,
            Long fromAccount,
            Long toAccount,
            Reference reference,
            Long reverses,
            Instant createdAt,
            String createdBy) {
        this.type = type;
        this.currency = amount.currency();
        this.amountMinor = amount.minorUnits();
        this.fromAccount = fromAccount;
        this.toAccount = toAccount;
        this.reference = reference == null ? null : reference.value();
        this.reverses = reverses;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long id() {
        return id;
    }

    public MovementType type() {
        return type;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    /** The account the money left, or {@code null} for the outside world. */
    public Long from() {
        return fromAccount;
    }

    /** The account the money reached, or {@code null} for the outside world. */
    public Long to() {
        return toAccount;
    }

    public String reference() {
        return reference;
    }

    /** The movement this one undoes, or {@code null}. */
    public Long reverses() {
        return reverses;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** The other side of this movement as {@code account} sees it; {@code null} for the outside world. */
    Long counterpartyOf(long account) {
        return Long.valueOf(account).equals(fromAccount) ? toAccount : fromAccount;
    }
}
