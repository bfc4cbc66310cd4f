package org.bms.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import org.bms.database.InstantConverter;

/**
 * A bank account. Its balance is kept in minor units of a currency fixed at opening; closing keeps the
 * record. Changes go through methods named for what the bank does, each refusing what the bank refuses.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** The name folded to lower case in Java, because SQLite's own case folding only knows ASCII. */
    @Column(name = "name_folded")
    private String nameFolded;

    private String number;

    @Column(name = "balance_minor")
    private long balanceMinor;

    @Convert(converter = CurrencyConverter.class)
    private Currency currency;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    @Version
    private long version;

    protected Account() {}

    private Account(HolderName name, AccountNumber number, Money balance, Instant now) {
        rename(name);
        this.number = number.value();
        this.balanceMinor = balance.minorUnits();
        this.currency = balance.currency();
        this.status = AccountStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Opens an active account with its opening balance. */
    static Account open(HolderName name, AccountNumber number, Money openingBalance, Instant now) {
        return new Account(name, number, openingBalance, now);
    }

    /** Replaces holder and number. The balance changes only by {@link #post}. */
    void revise(HolderName newName, AccountNumber newNumber, Instant now) {
        requireActive();
        rename(newName);
        this.number = newNumber.value();
        this.updatedAt = now;
    }

    /**
     * The balance a posting of the signed {@code amount} would leave, refused on a closed account, below zero and
     * past the largest balance. Changes nothing, so a movement can check both its accounts before it changes either.
     */
    Money balanceAfter(Money amount) {
        requireActive();
        Money before = balance();
        Money after;
        try {
            after = before.plus(amount);
        } catch (ArithmeticException overflow) {
            throw new BalanceLimitException(id, before, amount);
        }
        if (after.isNegative()) {
            throw new InsufficientFundsException(id, before, amount.negated());
        }
        if (after.exceedsMax()) {
            throw new BalanceLimitException(id, before, amount);
        }
        return after;
    }

    /**
     * Posts a signed amount to the balance, the one way it changes after opening, with the refusals of {@link
     * #balanceAfter}.
     *
     * @return the balance after the posting
     */
    Money post(Money amount, Instant now) {
        Money after = balanceAfter(amount);
        this.balanceMinor = after.minorUnits();
        this.updatedAt = now;
        return after;
    }

    /**
     * Closes the account, which must be empty. Closing a closed account changes nothing.
     *
     * @return whether this call closed it
     */
    boolean close(Instant now) {
        if (status == AccountStatus.CLOSED) {
            return false;
        }
        if (balanceMinor != 0) {
            throw new AccountNotEmptyException(id, balance());
        }
        this.status = AccountStatus.CLOSED;
        this.updatedAt = now;
        return true;
    }

    /** Refuses any change to a closed account. */
    void requireActive() {
        if (status == AccountStatus.CLOSED) {
            throw new AccountClosedException(id);
        }
    }

    private void rename(HolderName newName) {
        this.name = newName.value();
        this.nameFolded = fold(newName.value());
    }

    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public HolderName name() {
        return new HolderName(name);
    }

    public AccountNumber number() {
        return new AccountNumber(number);
    }

    public Money balance() {
        return new Money(balanceMinor, currency);
    }

    public Currency currency() {
        return currency;
    }

    public AccountStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
