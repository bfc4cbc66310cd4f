package org.bms.account;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.Currency;
import org.hibernate.annotations.Immutable;
import org.springframework.data.domain.Persistable;

/**
 * One side of a {@link Movement}: a signed amount on one account, with the balance it left there. The two postings
 * of a movement sum to zero. A posting without an account is on the outside world of its currency, which keeps no
 * balance of its own.
 */
@Entity
@Immutable
@Table(name = "posting")
class Posting implements Persistable<Long> {

    /** Twice the movement's id for the side the money leaves, plus one for the side it reaches: known before insert. */
    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movement_id")
    private Movement movement;

    private Long accountId;

    @Convert(converter = CurrencyConverter.class)
    private Currency currency;

    private long amountMinor;

    private Long balanceAfter;

    @Transient
    private boolean isNew;

    protected Posting() {}

    private Posting(Movement movement, int side, Long accountId, Money amount, Money balanceAfter) {
        this.id = movement.id() * 2 + side;
        this.isNew = true;
        this.movement = movement;
        this.accountId = accountId;
        this.currency = amount.currency();
        this.amountMinor = amount.minorUnits();
        this.balanceAfter = balanceAfter == null ? null : balanceAfter.minorUnits();
    }

    /**
     * The side the movement's money leaves: its amount taken from {@code account}, which it left holding {@code
     * balanceAfter}; a {@code null} account is the outside world, which keeps no balance.
     */
    static Posting from(Movement movement, Account account, Money balanceAfter) {
        return new Posting(movement, 0, idOf(account), movement.amount().negated(), balanceAfter);
    }

    /** The side the movement's money reaches, as {@link #from} has it. */
    static Posting to(Movement movement, Account account, Money balanceAfter) {
        return new Posting(movement, 1, idOf(account), movement.amount(), balanceAfter);
    }

    private static Long idOf(Account account) {
        return account == null ? null : account.id();
    }

    Movement movement() {
        return movement;
    }

    Money amount() {
        return new Money(amountMinor, currency);
    }

    Money balanceAfter() {
        return new Money(balanceAfter, currency);
    }

    @Override
    public Long getId() {
        return id;
    }

    /** Always inserted: ids are assigned, and a posting is never changed. */
    @Override
    public boolean isNew() {
        return isNew;
    }
}
