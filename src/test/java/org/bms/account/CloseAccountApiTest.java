package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.account.AccountApiAssertions.UNKNOWN_ID;
import static org.bms.account.AccountApiAssertions.assertProblem;
import static org.bms.account.AccountApiAssertions.open;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

/** DELETE /accounts/{id}: closing an account keeps its record; one with money stays open. */
class CloseAccountApiTest extends HttpIntegrationTest {

    @Test
    void closingAnEmptyAccountAnswers204AndKeepsTheRecord() {
        long id = open(api, uniqueNumber(), "0");

        Response closed = api.delete("/accounts/" + id);

        assertThat(closed.status()).isEqualTo(204);
        assertThat(closed.body()).isEmpty();
        json(api.get("/accounts/" + id)).extractingPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void closingAClosedAccountAgainAnswers204() {
        long id = open(api, uniqueNumber(), "0");
        api.delete("/accounts/" + id);

        assertThat(api.delete("/accounts/" + id).status()).isEqualTo(204);
        json(api.get("/accounts/" + id)).extractingPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void closingAnUnknownAccountIsNotFound() {
        assertProblem(
                api.delete("/accounts/" + UNKNOWN_ID),
                404,
                "account-not-found",
                "Account not found",
                "/accounts/" + UNKNOWN_ID);
    }

    @Test
    void anAccountWithMoneyCannotBeClosed() {
        long id = open(api, uniqueNumber(), "0.01");

        Response refused = api.delete("/accounts/" + id);

        assertProblem(refused, 409, "account-not-empty", "Account balance is not zero", "/accounts/" + id);
        json(api.get("/accounts/" + id)).extractingPath("$.status").isEqualTo("ACTIVE");
    }
}
