package org.bms.account;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import org.bms.security.Caller;
import org.bms.security.Role;
import org.bms.validation.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, revises and closes accounts; each method is one transaction. Every change publishes its
 * event ({@link AccountCreated}, {@link AccountRevised}, {@link AccountClosed}) inside the transaction.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            AccountRepository accounts, AccountProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AccountView open(CreateAccountRequest request) {
        var violations = new Violations();
        HolderName name = violations.check("name", () -> HolderName.parse(request.name()));
        AccountNumber number = violations.check("number", () -> AccountNumber.parse(request.number()));
        Currency currency = request.currency() == null
                ? properties.defaultCurrency()
                : violations.check("currency", () -> Money.currency(request.currency()));
        BigDecimal amount = request.balance() == null ? BigDecimal.ZERO : request.balance();
        Money balance = currency == null ? null : violations.check("balance", () -> Money.of(amount, currency));
        violations.throwIfAny();

        if (accounts.existsByNumber(number.value())) {
            throw new AccountNumberTakenException(number);
        }
        Account account = saveUnique(Account.open(name, number, balance, now()), number);
        events.publishEvent(
                new AccountCreated(account.id(), name.value(), number.masked(), balance, account.createdAt()));
        log.info(
                "Opened account {} for {} with {}",
                v("accountId", account.id()),
                v("number", number.masked()),
                v("balance", balance));
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

    @Transactional
    public AccountView revise(long id, UpdateAccountRequest request, Preconditions preconditions) {
        Account account = loadForChange(id);
        preconditions.check(id, account.version());
        account.requireActive();
        var violations = new Violations();
        HolderName name = violations.check("name", () -> HolderName.parse(request.name()));
        AccountNumber number = violations.check("number", () -> AccountNumber.parse(request.number()));
        Currency currency = account.currency();
        if (request.currency() != null) {
            Currency requested = violations.check("currency", () -> Money.currency(request.currency()));
            if (requested != null && !requested.equals(currency)) {
                violations.add("currency", "cannot change: the account is held in " + currency);
            }
        }
        // Absent means unchanged.
        Money balance = request.balance() == null
                ? account.balance()
                : violations.check("balance", () -> Money.of(request.balance(), currency));
        violations.throwIfAny();
        if (!account.balance().equals(balance)) {
            Caller.current().require(Role.ADMIN, "change a balance");
        }

        if (accounts.existsByNumberAndIdNot(number.value(), id)) {
            throw new AccountNumberTakenException(number);
        }
        account.revise(name, number, balance, now());
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
