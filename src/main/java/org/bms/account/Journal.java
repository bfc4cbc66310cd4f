package org.bms.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The double-entry journal: every change of a balance after opening is one {@link Movement} with two {@link
 * Posting postings}, the amount taken from one side and given to the other, in the same transaction as the
 * balances it changes. The refusals come in the contract's order: a closed account, then different currencies,
 * then the money itself (too little, or too much).
 *
 * <p>Callers lock the accounts first (in id order where there are two), so that movement ids, postings and running
 * balances follow one another in the same order on every account.
 *
 * <p>Movements are counted by type ({@code bms.movements}) once their transaction committed.
 */
@Component
class Journal {

    private final MovementRepository movements;
    private final PostingRepository postings;
    private final Clock clock;
    private final Map<MovementType, Counter> counted = new EnumMap<>(MovementType.class);

    Journal(MovementRepository movements, PostingRepository postings, Clock clock, MeterRegistry meters) {
        this.movements = movements;
        this.postings = postings;
        this.clock = clock;
        for (MovementType type : MovementType.values()) {
            counted.put(
                    type,
                    Counter.builder("bms.movements")
                            .description("Movements written to the journal")
                            .tag("type", type.name())
                            .register(meters));
        }
    }

    /**
     * Moves {@code amount} from one account to another; {@code null} on either side is the outside world.
     *
     * @param reverses the movement this one undoes, for a {@link MovementType#REVERSAL}
     */
    Movement move(
            MovementType type,
            Account from,
            Account to,
            Money amount,
            Reference reference,
            Long reverses,
            String createdBy) {
        requireActive(from);
        requireActive(to);
        if (from != null && to != null && !from.currency().equals(to.currency())) {
            throw new CurrencyMismatchException(from.id(), from.currency(), to.id(), to.currency());
        }
        // Both sides are checked before either changes: a refusal leaves both accounts as they were.
        if (from != null) {
            from.balanceAfter(amount.negated());
        }
        if (to != null) {
            to.balanceAfter(amount);
        }
        Instant now = now();
        Money fromAfter = from == null ? null : from.post(amount.negated(), now);
        Money toAfter = to == null ? null : to.post(amount, now);
        Movement movement =
                movements.save(new Movement(type, amount, idOf(from), idOf(to), reference, reverses, now, createdBy));
        postings.saveAll(List.of(Posting.from(movement, from, fromAfter), Posting.to(movement, to, toAfter)));
        return counted(movement);
    }

    /**
     * Sets an account's balance as an administrator asked: an {@link MovementType#ADJUSTMENT} of the difference, from
     * the outside world or to it; nothing when the balance is already that.
     */
    void adjust(Account account, Money newBalance, String createdBy) {
        Money difference = newBalance.minus(account.balance());
        if (difference.isPositive()) {
            move(MovementType.ADJUSTMENT, null, account, difference, null, null, createdBy);
        } else if (difference.isNegative()) {
            move(MovementType.ADJUSTMENT, account, null, difference.negated(), null, null, createdBy);
        }
    }

    /** Records the opening balance of an account just opened with it; the balance itself is already there. */
    Movement opened(Account account, String createdBy) {
        Money amount = account.balance();
        Movement movement = movements.save(new Movement(
                MovementType.OPENING, amount, null, account.id(), null, null, account.createdAt(), createdBy));
        postings.saveAll(List.of(Posting.from(movement, null, null), Posting.to(movement, account, amount)));
        return counted(movement);
    }

    private Movement counted(Movement movement) {
        Counter counter = counted.get(movement.type());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
        return movement;
    }

    private static void requireActive(Account account) {
        if (account != null) {
            account.requireActive();
        }
    }

    private static Long idOf(Account account) {
        return account == null ? null : account.id();
    }

    private Instant now() {
        // Stored at millisecond precision; truncating here keeps the response equal to a later read.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
