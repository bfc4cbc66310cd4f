package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.account.AccountApiAssertions.UNKNOWN_ID;
import static org.bms.account.AccountApiAssertions.assertProblem;
import static org.bms.account.AccountApiAssertions.open;
import static org.bms.account.AccountApiAssertions.rawMember;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Test;

/** PUT /accounts/{id}: revising an account, its preconditions, and every way it is refused. */
class ReviseAccountApiTest extends HttpIntegrationTest {

    @Test
    void revisingAnAccountAnswers200WithTheNewStateAndANewEtag() {
        long id = open(api, uniqueNumber(), "10");
        String newNumber = uniqueNumber();

        Response revised = api.put("/accounts/" + id, revision("Jane Roe", newNumber, "20.5"));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.contentType()).startsWith("application/json");
        assertThat(revised.etag()).isEqualTo("\"1\"");
        json(revised).extractingPath("$.name").isEqualTo("Jane Roe");
        json(revised).extractingPath("$.number").isEqualTo(newNumber);
        assertThat(rawMember(revised, "balance")).isEqualTo("20.50");
        json(revised).extractingPath("$.version").isEqualTo(1);
        assertThat(api.get("/accounts/" + id).etag()).isEqualTo("\"1\"");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String number = uniqueNumber();
        long id = open(api, number, "10");
        api.put("/accounts/" + id, revision("Someone Else", number, "11"));

        Response refused = api.put("/accounts/" + id, revision("Too Late", number, "12"), "If-Match", "\"0\"");

        assertProblem(refused, 412, "stale-version", "Account has changed", "/accounts/" + id);
        Response current = api.get("/accounts/" + id);
        json(current).extractingPath("$.name").isEqualTo("Someone Else");
        assertThat(current.etag()).isEqualTo("\"1\"");
    }

    @Test
    void theCurrentIfMatchIsAccepted() {
        String number = uniqueNumber();
        long id = open(api, number, "10");
        String etag = api.get("/accounts/" + id).etag();

        Response revised = api.put("/accounts/" + id, revision("In Time", number, "10"), "If-Match", etag);

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.etag()).isEqualTo("\"1\"");
    }

    @Test
    void ifNoneMatchStarOrTheCurrentVersionRefusesTheWriteWith412AndChangesNothing() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response star = api.put("/accounts/" + id, revision("Never", number, "12"), "If-None-Match", "*");
        Response current = api.put("/accounts/" + id, revision("Never", number, "12"), "If-None-Match", "W/\"0\"");
        Response closeStar = api.delete("/accounts/" + id, "If-None-Match", "*");
        Response other = api.put("/accounts/" + id, revision("Allowed", number, "12"), "If-None-Match", "\"7\"");

        assertProblem(star, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
        assertProblem(current, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
        assertProblem(closeStar, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        json(other).extractingPath("$.name").isEqualTo("Allowed");
        assertThat(other.etag()).isEqualTo("\"1\"");
    }

    @Test
    void aRevisionWithoutIfMatchIsAccepted() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response revised = api.put("/accounts/" + id, revision("No Precondition", number, "0"));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(rawMember(revised, "balance")).isEqualTo("0.00");
    }

    @Test
    void revisingAnUnknownAccountIsNotFound() {
        Response refused = api.put("/accounts/" + UNKNOWN_ID, revision("Nobody", uniqueNumber(), "1"));

        assertProblem(refused, 404, "account-not-found", "Account not found", "/accounts/" + UNKNOWN_ID);
    }

    @Test
    void anInvalidRevisionIsRefusedWith400() {
        long id = open(api, uniqueNumber(), "10");

        Response refused = api.put("/accounts/" + id, revision("", "x", "10.101"));

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
        assertThat(refused.fieldsInError()).containsExactlyInAnyOrder("name", "number", "balance");
    }

    @Test
    void aRevisionWithoutABalanceKeepsIt() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response revised = api.put("/accounts/" + id, Json.account("No Balance", number, null));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        json(revised).extractingPath("$.name").isEqualTo("No Balance");
        assertThat(revised.body()).contains("\"balance\":10.00");
    }

    @Test
    void aNegativeBalanceIsRefusedOnRevision() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response refused = api.put("/accounts/" + id, revision("Overdrawn", number, "-0.01"));

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
        assertThat(refused.fieldsInError()).containsExactly("balance");
    }

    @Test
    void takingAnotherAccountsNumberIsRefusedWith409() {
        String taken = uniqueNumber();
        open(api, taken, "1");
        long id = open(api, uniqueNumber(), "1");

        Response refused = api.put("/accounts/" + id, revision("Number Thief", taken, "1"));

        assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts/" + id);
    }

    @Test
    void aClosedAccountCannotBeRevised() {
        String number = uniqueNumber();
        long id = open(api, number, "0");
        api.delete("/accounts/" + id);

        Response refused = api.put("/accounts/" + id, revision("Ghost", number, "0"));

        assertProblem(refused, 409, "account-closed", "Account is closed", "/accounts/" + id);
    }

    @Test
    void theCurrencyCannotChange() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response refused = api.put("/accounts/" + id, Json.account("Switcher", number, "10", "EUR"));

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
        assertThat(refused.fieldsInError()).containsExactly("currency");
        json(api.get("/accounts/" + id)).extractingPath("$.currency").isEqualTo("USD");
    }

    @Test
    void theCurrentCurrencyMayBeRepeated() {
        String number = uniqueNumber();
        long id = open(api, number, "10");

        Response revised = api.put("/accounts/" + id, Json.account("Same Money", number, "10", "USD"));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        json(revised).extractingPath("$.currency").isEqualTo("USD");
    }

    @Test
    void readOnlyFieldsInARevisionAreIgnored() {
        String number = uniqueNumber();
        long id = open(api, number, "10");
        String body = "{\"id\":1,\"status\":\"CLOSED\",\"version\":99,\"createdAt\":\"2000-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2000-01-01T00:00:00Z\",\"name\":\"Read Only\",\"number\":\"" + number
                + "\",\"balance\":1}";

        Response revised = api.put("/accounts/" + id, body);

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.id()).isEqualTo(id);
        json(revised).extractingPath("$.status").isEqualTo("ACTIVE");
        json(revised).extractingPath("$.version").isEqualTo(1);
    }

    private static String revision(String name, String number, String balance) {
        return Json.account(name, number, balance);
    }
}
