package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.account.AccountApiAssertions.assertProblem;
import static org.bms.account.AccountApiAssertions.iban;
import static org.bms.account.AccountApiAssertions.open;
import static org.bms.account.AccountApiAssertions.spacedLowerCase;
import static org.bms.support.JsonAssertions.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/** GET /accounts: pages, filters and sorting. */
class ListAccountsApiTest extends HttpIntegrationTest {

    @Test
    void aPageHasTheContractShape() {
        String token = uniqueNumber();
        for (String holder : List.of("Ann", "Ben", "Cid")) {
            openNamed(holder + " " + token);
        }

        Response first = api.get("/accounts?name=" + token + "&page=0&size=2");
        Response second = api.get("/accounts?name=" + token + "&page=1&size=2");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/json");
        json(first).extractingPath("$").asMap().containsOnlyKeys("content", "page");
        json(first)
                .extractingPath("$.page")
                .asMap()
                .containsOnlyKeys("size", "number", "totalElements", "totalPages")
                .containsEntry("size", 2)
                .containsEntry("number", 0)
                .containsEntry("totalElements", 3)
                .containsEntry("totalPages", 2);
        assertThat(names(first)).containsExactly("Ann " + token, "Ben " + token);
        json(second).extractingPath("$.page.number").isEqualTo(1);
        assertThat(names(second)).containsExactly("Cid " + token);
    }

    @Test
    void aPageDefaultsToTheFirstTwentyInIdOrder() {
        String token = uniqueNumber();
        long first = openNamed("Zed " + token);
        long second = openNamed("Amy " + token);

        Response page = api.get("/accounts?name=" + token);

        json(page).extractingPath("$.page.size").isEqualTo(20);
        json(page).extractingPath("$.page.number").isEqualTo(0);
        assertThat(ids(page)).containsExactly(first, second);
    }

    @Test
    void listedAccountsCarryEveryFieldWithAmountsAtTheCurrencyScale() {
        String token = uniqueNumber();
        String number = uniqueNumber();
        api.create("Listed " + token, number, "1000");

        Response page = api.get("/accounts?name=" + token);

        assertThat(page.body()).contains("\"balance\":1000.00");
        json(page)
                .extractingPath("$.content[0]")
                .asMap()
                .containsOnlyKeys(
                        "id", "name", "number", "balance", "currency", "status", "createdAt", "updatedAt", "version")
                .containsEntry("number", number)
                .containsEntry("currency", "USD")
                .containsEntry("status", "ACTIVE");
    }

    @Test
    void theNameFilterFindsPartsOfNamesInAnyCase() {
        String token = uniqueNumber();
        long elodie = openNamed("Élodie Dupont-" + token);
        openNamed("Marc Dupont-" + token);

        assertThat(ids(api.get("/accounts?name=" + query("ÉLODIE DUPONT-" + token))))
                .containsExactly(elodie);
        assertThat(ids(api.get("/accounts?name=" + query("élodie dupont-" + token))))
                .containsExactly(elodie);
        assertThat(ids(api.get("/accounts?name=" + query("lodie dup")))).contains(elodie);
        assertThat(ids(api.get("/accounts?name=" + query("pont-" + token)))).hasSize(2);
        assertThat(ids(api.get("/accounts?name=" + query("Élodie Martin-" + token))))
                .isEmpty();
        // Spaces of any kind around the term are trimmed, as they are around stored names.
        assertThat(ids(api.get("/accounts?name=" + query("\u00a0Dupont-" + token + "\u202f"))))
                .hasSize(2);
    }

    @Test
    void theNameFilterTreatsLikeWildcardsAsText() {
        String token = uniqueNumber();
        long percent = openNamed("100% sure " + token);
        openNamed("1000 sure " + token);

        assertThat(ids(api.get("/accounts?name=" + query("0% sure " + token)))).containsExactly(percent);
        assertThat(ids(api.get("/accounts?name=" + query("_ sure " + token)))).isEmpty();
    }

    @Test
    void theNumberFilterMatchesTheNormalisedNumber() {
        String iban = iban(uniqueNumber());
        long id = open(api, iban, "1");

        Response found = api.get("/accounts?number=" + query(spacedLowerCase(iban)));

        assertThat(ids(found)).containsExactly(id);
        json(found).extractingPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void theStatusFilterDefaultsToActiveAndCanAskForClosedAccounts() {
        String token = uniqueNumber();
        long active = openNamed("Still Open " + token);
        long closed = openNamed("Now Closed " + token);
        assertThat(api.delete("/accounts/" + closed).status()).isEqualTo(204);

        assertThat(ids(api.get("/accounts?name=" + token))).containsExactly(active);
        assertThat(ids(api.get("/accounts?name=" + token + "&status=ACTIVE"))).containsExactly(active);
        Response closedPage = api.get("/accounts?name=" + token + "&status=CLOSED");
        assertThat(ids(closedPage)).containsExactly(closed);
        json(closedPage).extractingPath("$.content[0].status").isEqualTo("CLOSED");
    }

    @Test
    void accountsCanBeSortedByNameDescending() {
        String token = uniqueNumber();
        for (String holder : List.of("bob", "Cleo", "Anna")) {
            openNamed(holder + " " + token);
        }

        Response page = api.get("/accounts?name=" + token + "&sort=name,desc");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(names(page)).containsExactly("Cleo " + token, "bob " + token, "Anna " + token);
    }

    @Test
    void aPageOfAHundredIsTheLargestServed() {
        assertThat(api.get("/accounts?size=100").status()).isEqualTo(200);

        Response refused = api.get("/accounts?size=101");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactly("size");
    }

    @Test
    void sortingByAPropertyClientsCannotSeeIsRefused() {
        Response refused = api.get("/accounts?sort=nameFolded,asc");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactly("sort");
    }

    @Test
    void anUnknownStatusIsRefused() {
        Response refused = api.get("/accounts?status=FROZEN");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactly("status");
    }

    private long openNamed(String name) {
        Response created = api.create(name, uniqueNumber(), "0");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> names(Response page) {
        return page.json("$.content[*].name");
    }

    private static List<Long> ids(Response page) {
        List<Number> ids = page.json("$.content[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
