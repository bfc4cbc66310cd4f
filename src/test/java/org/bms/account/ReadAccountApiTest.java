package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.account.AccountApiAssertions.UNKNOWN_ID;
import static org.bms.account.AccountApiAssertions.assertProblem;
import static org.bms.account.AccountApiAssertions.open;
import static org.bms.account.AccountApiAssertions.rawMember;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/** GET /accounts/{id}: one account with its entity tag, closed ones included. */
class ReadAccountApiTest extends HttpIntegrationTest {

    @Test
    void anAccountIsReadWithItsEtag() {
        String number = uniqueNumber();
        long id = open(api, number, "12.34");

        Response read = api.get("/accounts/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.id()).isEqualTo(id);
        json(read).extractingPath("$.number").isEqualTo(number);
        assertThat(rawMember(read, "balance")).isEqualTo("12.34");
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertProblem(
                api.get("/accounts/" + UNKNOWN_ID),
                404,
                "account-not-found",
                "Account not found",
                "/accounts/" + UNKNOWN_ID);
    }

    @Test
    void aNonNumericIdIsABadRequest() {
        Response refused = api.get("/accounts/abc");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/abc");
        assertThat(refused.fieldsInError()).containsExactly("id");
    }

    @Test
    void aClosedAccountIsStillReturned() {
        long id = open(api, uniqueNumber(), "0");
        api.delete("/accounts/" + id);

        Response read = api.get("/accounts/" + id);

        assertThat(read.status()).isEqualTo(200);
        json(read).extractingPath("$.status").isEqualTo("CLOSED");
        assertThat(read.etag()).isEqualTo("\"" + read.json("$.version") + "\"");
    }
}
