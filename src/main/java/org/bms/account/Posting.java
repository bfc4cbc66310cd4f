package org.bms.account;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Currency;
import org.hibernate.annotations.Immutable;

/**
 * One side of a {@link Movement}: a signed amount on one account, with the balance it left there. The two postings
 * of a movement sum to zero. A posting without an account is on the outside world of its currency, which keeps no
 * balance of its own.
 */
@Entity
@Immutable
@Table(name = "posting")
class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movement_id")
    private Movement movement;

    private Long accountId;

    @Convert(converter = CurrencyConverter.class)
    private Currency currency;

    private long amountMinor;

    private Long balanceAfter;

    protected Posting() {}

    private Posting(Movement movement, Long accountId, Money amount, Money balanceAfter) {
        this.movement = movement;
        this.accountId = accountId;
        this.currency = amount.currency();
        this.amountMinor = amount.minorUnits();
        this.balanceAfter = balanceAfter == null ? null : balanceAfter.minorUnits();
    }

    /** {@code amount} on {@code account}, which was left holding {@code balanceAfter}. */
    static Posting on(Movement movement, Account account, Money amount, Money balanceAfter) {
        return new Posting(movement, account.id(), amount, balanceAfter);
    }

    /** {@code amount} on the outside world of its currency. */
    static Posting outside(Movement movement, Money amount) {
        return new Posting(movement, null, amount, null);
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
}
