package org.bms.account;

import org.bms.security.Caller;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deposits, withdrawals, transfers and reversals, each one transaction that locks the accounts it touches (in id
 * order, so two transfers between the same accounts never wait for each other crosswise) and writes one movement
 * to the {@link Journal}. Also reads movements and statements.
 */
@Service
public class MovementService {

    private final AccountRepository accounts;
    private final MovementRepository movements;
    private final PostingRepository postings;
    private final Journal journal;

    MovementService(
            AccountRepository accounts, MovementRepository movements, PostingRepository postings, Journal journal) {
        this.accounts = accounts;
        this.movements = movements;
        this.postings = postings;
        this.journal = journal;
    }

    @Transactional
    public MovementView deposit(long accountId, CashRequest request) {
        CashRequest.Cash cash = request.validated();
        Account account = lock(accountId);
        Money amount = cash.amount().in(account.currency());
        return view(journal.move(MovementType.DEPOSIT, null, account, amount, cash.reference(), null, caller()));
    }

    @Transactional
    public MovementView withdraw(long accountId, CashRequest request) {
        CashRequest.Cash cash = request.validated();
        Account account = lock(accountId);
        Money amount = cash.amount().in(account.currency());
        return view(journal.move(MovementType.WITHDRAWAL, account, null, amount, cash.reference(), null, caller()));
    }

    @Transactional
    public MovementView transfer(TransferRequest request) {
        TransferRequest.Transfer transfer = request.validated();
        Pair pair = lockPair(transfer.from(), "from", transfer.to(), "to");
        Money amount = transfer.amount().in(pair.first().currency());
        return view(journal.move(
                MovementType.TRANSFER, pair.first(), pair.second(), amount, transfer.reference(), null, caller()));
    }

    /** Moves a movement's amount back the way it came, once; a reversal itself cannot be reversed. */
    @Transactional
    public MovementView reverse(long movementId, ReversalRequest request) {
        Reference reference = request.validated();
        Movement original = movements.findById(movementId).orElseThrow(() -> new MovementNotFoundException(movementId));
        if (original.type() == MovementType.REVERSAL) {
            throw new NotReversibleException(movementId);
        }
        // The money goes back: from where it arrived to where it came from.
        Long from = original.to();
        Long to = original.from();
        Pair pair = from != null && to != null
                ? lockPair(from, "from", to, "to")
                : new Pair(lockOrNull(from), lockOrNull(to));
        // Asked only now, under the accounts' locks: a reversal that committed meanwhile is seen.
        if (movements.findReversalOf(movementId).isPresent()) {
            throw new AlreadyReversedException(movementId);
        }
        try {
            Movement reversal = journal.move(
                    MovementType.REVERSAL,
                    pair.first(),
                    pair.second(),
                    original.amount(),
                    reference,
                    movementId,
                    caller());
            movements.flush();
            return view(reversal);
        } catch (DataIntegrityViolationException e) {
            // The unique index on reverses: another instance reversed it first.
            throw new AlreadyReversedException(movementId);
        }
    }

    @Transactional(readOnly = true)
    public MovementView find(long movementId) {
        Movement movement = movements.findById(movementId).orElseThrow(() -> new MovementNotFoundException(movementId));
        return MovementView.of(movement, movements.findReversalOf(movementId).orElse(null));
    }

    /** A page of the account's statement, newest first; closed accounts keep theirs. */
    @Transactional(readOnly = true)
    public Statement statement(long accountId, int page, int size) {
        if (!accounts.existsById(accountId)) {
            throw new AccountNotFoundException(accountId);
        }
        return Statement.of(accountId, postings.statementOf(accountId, PageRequest.of(page, size)));
    }

    private static MovementView view(Movement movement) {
        return MovementView.of(movement, null);
    }

    private Account lock(long id) {
        return accounts.findForChange(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    private Account lockOrNull(Long id) {
        return id == null ? null : lock(id);
    }

    /** Both accounts, locked in id order; a missing one is a 404 that says which side it was. */
    private Pair lockPair(long first, String firstSide, long second, String secondSide) {
        boolean inOrder = first < second;
        var lower = accounts.findForChange(inOrder ? first : second);
        var upper = accounts.findForChange(inOrder ? second : first);
        Account firstAccount =
                (inOrder ? lower : upper).orElseThrow(() -> new AccountNotFoundException(first, firstSide));
        Account secondAccount =
                (inOrder ? upper : lower).orElseThrow(() -> new AccountNotFoundException(second, secondSide));
        return new Pair(firstAccount, secondAccount);
    }

    private record Pair(Account first, Account second) {}

    private static String caller() {
        return Caller.current().subject();
    }
}
