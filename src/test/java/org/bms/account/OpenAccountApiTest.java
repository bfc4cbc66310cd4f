package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.account.AccountApiAssertions.ISO_INSTANT;
import static org.bms.account.AccountApiAssertions.assertProblem;
import static org.bms.account.AccountApiAssertions.iban;
import static org.bms.account.AccountApiAssertions.open;
import static org.bms.account.AccountApiAssertions.rawMember;
import static org.bms.account.AccountApiAssertions.spacedLowerCase;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Test;

/** POST /accounts: opening an account, and every way it is refused. */
class OpenAccountApiTest extends HttpIntegrationTest {

    @Test
    void openingAnAccountAnswers201WithLocationEtagAndTheAccount() {
        String number = uniqueNumber();

        Response created = api.create("John Doe", number, "1000");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.header("Location")).hasValue("/accounts/" + created.id());
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.id()).isPositive();
        json(created).extractingPath("$.name").isEqualTo("John Doe");
        json(created).extractingPath("$.number").isEqualTo(number);
        assertThat(rawMember(created, "balance")).isEqualTo("1000.00");
        json(created).extractingPath("$.currency").isEqualTo("USD");
        json(created).extractingPath("$.status").isEqualTo("ACTIVE");
        json(created).extractingPath("$.createdAt").asString().matches(ISO_INSTANT);
        json(created).extractingPath("$.updatedAt").isEqualTo(created.json("$.createdAt"));
        json(created).extractingPath("$.version").isEqualTo(0);
    }

    @Test
    void anAccountOpenedWithoutABalanceHoldsZero() {
        Response created = api.post("/accounts", Json.account("No Money", uniqueNumber(), null));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(rawMember(created, "balance")).isEqualTo("0.00");
    }

    @Test
    void anAccountOpenedWithoutACurrencyIsHeldInUsd() {
        Response created = api.create("Default Currency", uniqueNumber(), "5");

        json(created).extractingPath("$.currency").isEqualTo("USD");
        assertThat(rawMember(created, "balance")).isEqualTo("5.00");
    }

    @Test
    void theNumberIsStoredWithoutSpacesAndInUpperCase() {
        String iban = iban(uniqueNumber());

        Response created = api.create("Spaced Out", spacedLowerCase(iban), "1");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.number").isEqualTo(iban);
        json(api.get("/accounts/" + created.id())).extractingPath("$.number").isEqualTo(iban);
    }

    @Test
    void theNumberOfTheContractExampleIsNormalised() {
        // The example's own number (DE89370400440532013000) is one any test sharing this database may open, and
        // AccountNumberTest normalises it already; here an IBAN of the example's bank, spelled as the example is,
        // that no other test holds.
        String iban = iban(uniqueNumber());

        Response created = api.create("Contract Example", spacedLowerCase(iban), "1");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.number").isEqualTo(iban);
    }

    @Test
    void aBalanceMayBeSentAsADecimalString() {
        Response created = api.create("String Balance", uniqueNumber(), "\"1000.50\"");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(rawMember(created, "balance")).isEqualTo("1000.50");
    }

    @Test
    void yenBalancesAreWrittenWithoutDecimals() {
        Response created = api.post("/accounts", Json.account("Yen Holder", uniqueNumber(), "5000", "JPY"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.currency").isEqualTo("JPY");
        assertThat(rawMember(created, "balance")).isEqualTo("5000");
    }

    @Test
    void trailingZerosBeyondTheCurrencyScaleAreAccepted() {
        Response created = api.create("Trailing Zeros", uniqueNumber(), "10.100");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(rawMember(created, "balance")).isEqualTo("10.10");
    }

    @Test
    void theLargestBalanceIsAcceptedAndWrittenPlainly() {
        Response created = api.create("Rich Holder", uniqueNumber(), "999999999999999.99");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(rawMember(created, "balance")).isEqualTo("999999999999999.99");
    }

    @Test
    void aNameIsTrimmedBeforeItsLengthIsChecked() {
        String hundred = "N".repeat(100);

        Response created = api.create("  " + hundred + "  ", uniqueNumber(), "1");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.name").isEqualTo(hundred);
    }

    @Test
    void readOnlyFieldsInANewAccountAreIgnored() {
        String body = "{\"id\":1,\"status\":\"CLOSED\",\"version\":7,\"createdAt\":\"2000-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2000-01-01T00:00:00Z\",\"name\":\"Read Only\",\"number\":\"" + uniqueNumber()
                + "\",\"balance\":1}";

        Response created = api.post("/accounts", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.status").isEqualTo("ACTIVE");
        json(created).extractingPath("$.version").isEqualTo(0);
        json(created).extractingPath("$.createdAt").asString().doesNotStartWith("2000-");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String body = Json.account("Colourful", uniqueNumber(), "1").replace("}", ",\"colour\":\"red\"}");

        Response refused = api.post("/accounts", body);

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactly("colour");
    }

    @Test
    void anInvalidAccountIsRefusedWith400NamingEveryBadField() {
        Response refused = api.create("   ", "12", "-1");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactlyInAnyOrder("name", "number", "balance");
    }

    @Test
    void anAmountThatIsNotExactAtTheCurrencyScaleIsRefused() {
        Response refused = api.create("Too Precise", uniqueNumber(), "10.101");

        assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts");
        assertThat(refused.fieldsInError()).containsExactly("balance");
    }

    @Test
    void aNumberInUseIsRefusedWith409() {
        String number = uniqueNumber();
        api.create("First Holder", number, "1");

        Response refused = api.create("Second Holder", number, "1");

        assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts");
    }

    @Test
    void aNumberInUseIsRecognisedInAnySpelling() {
        String iban = iban(uniqueNumber());
        api.create("First Holder", iban, "1");

        Response refused = api.create("Second Holder", spacedLowerCase(iban), "1");

        assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts");
    }

    @Test
    void aNumberHeldByAClosedAccountIsStillTaken() {
        String number = uniqueNumber();
        long closed = open(api, number, "0");
        assertThat(api.delete("/accounts/" + closed).status()).isEqualTo(204);

        Response refused = api.create("Newcomer", number, "1");

        assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts");
    }
}
