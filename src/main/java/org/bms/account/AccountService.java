package org.bms.account;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bms.security.Caller;
import org.bms.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, revises and closes accounts; each method is one transaction. Money that comes with an opening or a
 * revision goes through the {@link Journal}, as every movement does. Every change publishes its
 * event ({@link AccountCreated}, {@link AccountRevised}, {@link AccountClosed}) inside the transaction.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final Journal journal;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            AccountRepository accounts,
            Journal journal,
            AccountProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Opens an account; an opening balance above zero is its first movement, {@link MovementType#OPENING}. */
    @Transactional
    public AccountView open(CreateAccountRequest request) {
        CreateAccountRequest.NewAccount opening = request.validated(properties.defaultCurrency());
        AccountNumber number = opening.number();
        if (accounts.existsByNumber(number.value())) {
            throw new AccountNumberTakenException(number);
        }
        Account account = saveUnique(Account.open(opening.name(), number, opening.openingBalance(), now()), number);
        if (account.balance().isPositive()) {
            journal.opened(account, Caller.current().subject());
        }
        events.publishEvent(new AccountCreated(
                account.id(), opening.name().value(), number.masked(), account.balance(), account.createdAt()));
        log.info(
                "Opened account {} for {} with {}",
                v("accountId", account.id()),
                v("number", number.masked()),
                v("balance", account.balance()));
        return AccountView.of(account);
    }

    @Transactional(readOnly = true)
    public AccountView find(long id) {
        return AccountView.of(load(id));
    }

    @Transactional(readOnly = true)
    public AccountPage search(AccountSearch search) {
        return AccountPage.of(
                accounts.search(search.status(), search.normalizedNumber(), search.namePattern(), search.pageable()));
    }

    /**
     * Revises holder and number and, for an ADMIN, the balance: a different balance is an {@link
     * MovementType#ADJUSTMENT} of the difference, to or from the outside world.
     */
    @Transactional
    public AccountView revise(long id, UpdateAccountRequest request, Preconditions preconditions) {
        Account account = loadForChange(id);
        preconditions.check(id, account.version());
        account.requireActive();
        UpdateAccountRequest.Revision revision = request.validated(account.balance());
        Caller caller = Caller.current();
        if (!revision.balance().equals(account.balance())) {
            caller.require(Role.ADMIN, "change a balance");
        }
        AccountNumber number = revision.number();
        if (accounts.existsByNumberAndIdNot(number.value(), id)) {
            throw new AccountNumberTakenException(number);
        }
        account.revise(revision.name(), number, now());
        journal.adjust(account, revision.balance(), caller.subject());
        Account saved = saveUnique(account, number);
        events.publishEvent(new AccountRevised(id, saved.version()));
        log.info("Revised account {} to version {}", v("accountId", id), v("version", saved.version()));
        return AccountView.of(saved);
    }

    @Transactional
    public void close(long id, Preconditions preconditions) {
        Account account = loadForChange(id);
        if (account.status() == AccountStatus.CLOSED) {
            // Closing is idempotent: a retry after a lost response succeeds, whatever version it names.
            return;
        }
        preconditions.check(id, account.version());
        if (account.close(now())) {
            accounts.flush();
            events.publishEvent(new AccountClosed(id));
            log.info("Closed account {}", v("accountId", id));
        }
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    private Account loadForChange(long id) {
        return accounts.findForChange(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    /** Flushes so that the unique index speaks now, inside this method, if another writer got there first. */
    private Account saveUnique(Account account, AccountNumber number) {
        try {
            Account saved = accounts.save(account);
            accounts.flush();
            return saved;
        } catch (DataIntegrityViolationException e) {
            throw new AccountNumberTakenException(number);
        }
    }

    private Instant now() {
        // Stored at millisecond precision; truncating here keeps the response equal to a later read.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
