package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cache.test.autoconfigure.AutoConfigureCache;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@AutoConfigureCache
@DataJpaTest(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/jpa-${random.uuid}.sqlite")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AccountRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @Autowired
    private AccountRepository accounts;

    @Test
    void moneyAndTimesSurviveTheRoundTripExactly() {
        Account saved = accounts.saveAndFlush(account("Ann", "1111111111", "999999999999999.99"));
        Account read = accounts.findById(saved.id()).orElseThrow();
        assertThat(read.balance().amount()).isEqualByComparingTo("999999999999999.99");
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(read.version()).isZero();
    }

    @Test
    void nameSearchIgnoresCaseBeyondAsciiAndTreatsWildcardsLiterally() {
        accounts.saveAndFlush(account("ÉLODIE Martin", "2222222222", "1"));
        accounts.saveAndFlush(account("100% Saver", "3333333333", "1"));
        accounts.saveAndFlush(account("1000 Saver", "4444444444", "1"));

        assertThat(names(search("élodie"))).containsExactly("ÉLODIE Martin");
        assertThat(names(search("100%"))).containsExactly("100% Saver");
        assertThat(names(search("_"))).isEmpty();
    }

    @Test
    void closedAccountsAreListedOnlyWhenAskedFor() {
        Account closed = account("Closed Carl", "5555555555", "0");
        closed.close(NOW);
        accounts.saveAndFlush(closed);
        accounts.saveAndFlush(account("Open Olga", "6666666666", "0"));

        assertThat(names(accounts.search(AccountStatus.CLOSED, null, null, PageRequest.of(0, 10))))
                .containsExactly("Closed Carl");
        assertThat(accounts.existsByNumber("5555555555")).isTrue();
    }

    private Page<Account> search(String name) {
        var search = new AccountSearch(name, null, AccountStatus.ACTIVE, 0, 20, Sort.by("id"));
        return accounts.search(AccountStatus.ACTIVE, null, search.namePattern(), search.pageable());
    }

    private static List<String> names(Page<Account> page) {
        return page.map(account -> account.name().value()).getContent();
    }

    private static Account account(String name, String number, String balance) {
        return Account.open(
                HolderName.parse(name),
                AccountNumber.parse(number),
                Money.of(new BigDecimal(balance), Currency.getInstance("USD")),
                NOW);
    }
}
