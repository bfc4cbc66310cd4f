package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every row of the contract's account endpoint table, at HTTP level, success and failure. */
class AccountApiTest extends HttpIntegrationTest {

    private static final String PROBLEM_TYPES = "https://bms.example/problems/";
    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    private static final String UNKNOWN_ID = "9223372036854775807";

    @Nested
    class Opening {

        @Test
        void openingAnAccountAnswers201WithLocationEtagAndTheAccount() {
            String number = uniqueNumber();

            Response created = api.create("John Doe", number, "1000");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.contentType()).startsWith("application/json");
            assertThat(created.header("Location")).hasValue("/accounts/" + created.id());
            assertThat(created.etag()).isEqualTo("\"0\"");
            assertThat(created.id()).isPositive();
            assertThat((String) created.json("$.name")).isEqualTo("John Doe");
            assertThat((String) created.json("$.number")).isEqualTo(number);
            assertThat(rawMember(created, "balance")).isEqualTo("1000.00");
            assertThat((String) created.json("$.currency")).isEqualTo("USD");
            assertThat((String) created.json("$.status")).isEqualTo("ACTIVE");
            assertThat((String) created.json("$.createdAt")).matches(ISO_INSTANT);
            assertThat((String) created.json("$.updatedAt")).isEqualTo(created.json("$.createdAt"));
            assertThat((Integer) created.json("$.version")).isZero();
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

            assertThat((String) created.json("$.currency")).isEqualTo("USD");
            assertThat(rawMember(created, "balance")).isEqualTo("5.00");
        }

        @Test
        void theNumberIsStoredWithoutSpacesAndInUpperCase() {
            String iban = uniqueIban();

            Response created = api.create("Spaced Out", spacedLowerCase(iban), "1");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat((String) created.json("$.number")).isEqualTo(iban);
            assertThat((String) api.get("/accounts/" + created.id()).json("$.number"))
                    .isEqualTo(iban);
        }

        @Test
        void theNumberOfTheContractExampleIsNormalised() {
            Response created = api.create("Contract Example", "de89 3704 0044 0532 0130 00", "1");

            // Another test class sharing the database may hold it already; either way it is the normalised form.
            assertThat(created.status()).as(created.toString()).isIn(201, 409);
            if (created.status() == 201) {
                assertThat((String) created.json("$.number")).isEqualTo("DE89370400440532013000");
            }
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
            assertThat((String) created.json("$.currency")).isEqualTo("JPY");
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
            assertThat((String) created.json("$.name")).isEqualTo(hundred);
        }

        @Test
        void readOnlyFieldsInANewAccountAreIgnored() {
            String body = "{\"id\":1,\"status\":\"CLOSED\",\"version\":7,\"createdAt\":\"2000-01-01T00:00:00Z\","
                    + "\"updatedAt\":\"2000-01-01T00:00:00Z\",\"name\":\"Read Only\",\"number\":\"" + uniqueNumber()
                    + "\",\"balance\":1}";

            Response created = api.post("/accounts", body);

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat((String) created.json("$.status")).isEqualTo("ACTIVE");
            assertThat((Integer) created.json("$.version")).isZero();
            assertThat((String) created.json("$.createdAt")).doesNotStartWith("2000-");
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
            String iban = uniqueIban();
            api.create("First Holder", iban, "1");

            Response refused = api.create("Second Holder", spacedLowerCase(iban), "1");

            assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts");
        }

        @Test
        void aNumberHeldByAClosedAccountIsStillTaken() {
            String number = uniqueNumber();
            long closed = open(number, "0");
            assertThat(api.delete("/accounts/" + closed).status()).isEqualTo(204);

            Response refused = api.create("Newcomer", number, "1");

            assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts");
        }
    }

    @Nested
    class Listing {

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
            Map<String, Object> whole = first.json("$");
            assertThat(whole).containsOnlyKeys("content", "page");
            Map<String, Object> page = first.json("$.page");
            assertThat(page)
                    .containsOnlyKeys("size", "number", "totalElements", "totalPages")
                    .containsEntry("size", 2)
                    .containsEntry("number", 0)
                    .containsEntry("totalElements", 3)
                    .containsEntry("totalPages", 2);
            assertThat(names(first)).containsExactly("Ann " + token, "Ben " + token);
            assertThat((Integer) second.json("$.page.number")).isEqualTo(1);
            assertThat(names(second)).containsExactly("Cid " + token);
        }

        @Test
        void aPageDefaultsToTheFirstTwentyInIdOrder() {
            String token = uniqueNumber();
            long first = openNamed("Zed " + token);
            long second = openNamed("Amy " + token);

            Response page = api.get("/accounts?name=" + token);

            assertThat((Integer) page.json("$.page.size")).isEqualTo(20);
            assertThat((Integer) page.json("$.page.number")).isZero();
            assertThat(ids(page)).containsExactly(first, second);
        }

        @Test
        void listedAccountsCarryEveryFieldWithAmountsAtTheCurrencyScale() {
            String token = uniqueNumber();
            String number = uniqueNumber();
            api.create("Listed " + token, number, "1000");

            Response page = api.get("/accounts?name=" + token);

            assertThat(page.body()).contains("\"balance\":1000.00");
            Map<String, Object> account = page.json("$.content[0]");
            assertThat(account)
                    .containsOnlyKeys(
                            "id",
                            "name",
                            "number",
                            "balance",
                            "currency",
                            "status",
                            "createdAt",
                            "updatedAt",
                            "version")
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

            assertThat(ids(api.get("/accounts?name=" + query("0% sure " + token))))
                    .containsExactly(percent);
            assertThat(ids(api.get("/accounts?name=" + query("_ sure " + token))))
                    .isEmpty();
        }

        @Test
        void theNumberFilterMatchesTheNormalisedNumber() {
            String iban = uniqueIban();
            long id = open(iban, "1");

            Response found = api.get("/accounts?number=" + query(spacedLowerCase(iban)));

            assertThat(ids(found)).containsExactly(id);
            assertThat((Integer) found.json("$.page.totalElements")).isEqualTo(1);
        }

        @Test
        void theStatusFilterDefaultsToActiveAndCanAskForClosedAccounts() {
            String token = uniqueNumber();
            long active = openNamed("Still Open " + token);
            long closed = openNamed("Now Closed " + token);
            assertThat(api.delete("/accounts/" + closed).status()).isEqualTo(204);

            assertThat(ids(api.get("/accounts?name=" + token))).containsExactly(active);
            assertThat(ids(api.get("/accounts?name=" + token + "&status=ACTIVE")))
                    .containsExactly(active);
            Response closedPage = api.get("/accounts?name=" + token + "&status=CLOSED");
            assertThat(ids(closedPage)).containsExactly(closed);
            assertThat((String) closedPage.json("$.content[0].status")).isEqualTo("CLOSED");
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
    }

    @Nested
    class Reading {

        @Test
        void anAccountIsReadWithItsEtag() {
            String number = uniqueNumber();
            long id = open(number, "12.34");

            Response read = api.get("/accounts/" + id);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.contentType()).startsWith("application/json");
            assertThat(read.etag()).isEqualTo("\"0\"");
            assertThat(read.id()).isEqualTo(id);
            assertThat((String) read.json("$.number")).isEqualTo(number);
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
            long id = open(uniqueNumber(), "0");
            api.delete("/accounts/" + id);

            Response read = api.get("/accounts/" + id);

            assertThat(read.status()).isEqualTo(200);
            assertThat((String) read.json("$.status")).isEqualTo("CLOSED");
            assertThat(read.etag()).isEqualTo("\"" + read.json("$.version") + "\"");
        }
    }

    @Nested
    class Revising {

        @Test
        void revisingAnAccountAnswers200WithTheNewStateAndANewEtag() {
            long id = open(uniqueNumber(), "10");
            String newNumber = uniqueNumber();

            Response revised = api.put("/accounts/" + id, revision("Jane Roe", newNumber, "20.5"));

            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            assertThat(revised.contentType()).startsWith("application/json");
            assertThat(revised.etag()).isEqualTo("\"1\"");
            assertThat((String) revised.json("$.name")).isEqualTo("Jane Roe");
            assertThat((String) revised.json("$.number")).isEqualTo(newNumber);
            assertThat(rawMember(revised, "balance")).isEqualTo("20.50");
            assertThat((Integer) revised.json("$.version")).isEqualTo(1);
            assertThat(api.get("/accounts/" + id).etag()).isEqualTo("\"1\"");
        }

        @Test
        void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
            String number = uniqueNumber();
            long id = open(number, "10");
            api.put("/accounts/" + id, revision("Someone Else", number, "11"));

            Response refused = api.put("/accounts/" + id, revision("Too Late", number, "12"), "If-Match", "\"0\"");

            assertProblem(refused, 412, "stale-version", "Account has changed", "/accounts/" + id);
            Response current = api.get("/accounts/" + id);
            assertThat((String) current.json("$.name")).isEqualTo("Someone Else");
            assertThat(current.etag()).isEqualTo("\"1\"");
        }

        @Test
        void theCurrentIfMatchIsAccepted() {
            String number = uniqueNumber();
            long id = open(number, "10");
            String etag = api.get("/accounts/" + id).etag();

            Response revised = api.put("/accounts/" + id, revision("In Time", number, "10"), "If-Match", etag);

            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            assertThat(revised.etag()).isEqualTo("\"1\"");
        }

        @Test
        void ifNoneMatchStarOrTheCurrentVersionRefusesTheWriteWith412AndChangesNothing() {
            String number = uniqueNumber();
            long id = open(number, "10");

            Response star = api.put("/accounts/" + id, revision("Never", number, "12"), "If-None-Match", "*");
            Response current = api.put("/accounts/" + id, revision("Never", number, "12"), "If-None-Match", "W/\"0\"");
            Response closeStar = api.delete("/accounts/" + id, "If-None-Match", "*");
            Response other = api.put("/accounts/" + id, revision("Allowed", number, "12"), "If-None-Match", "\"7\"");

            assertProblem(star, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
            assertProblem(current, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
            assertProblem(closeStar, 412, "precondition-failed", "Precondition failed", "/accounts/" + id);
            assertThat(other.status()).as(other.toString()).isEqualTo(200);
            assertThat((String) other.json("$.name")).isEqualTo("Allowed");
            assertThat(other.etag()).isEqualTo("\"1\"");
        }

        @Test
        void aRevisionWithoutIfMatchIsAccepted() {
            String number = uniqueNumber();
            long id = open(number, "10");

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
            long id = open(uniqueNumber(), "10");

            Response refused = api.put("/accounts/" + id, revision("", "x", "10.101"));

            assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
            assertThat(refused.fieldsInError()).containsExactlyInAnyOrder("name", "number", "balance");
        }

        @Test
        void aRevisionWithoutABalanceKeepsIt() {
            String number = uniqueNumber();
            long id = open(number, "10");

            Response revised = api.put("/accounts/" + id, Json.account("No Balance", number, null));

            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            assertThat(revised.<String>json("$.name")).isEqualTo("No Balance");
            assertThat(revised.body()).contains("\"balance\":10.00");
        }

        @Test
        void aNegativeBalanceIsRefusedOnRevision() {
            String number = uniqueNumber();
            long id = open(number, "10");

            Response refused = api.put("/accounts/" + id, revision("Overdrawn", number, "-0.01"));

            assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
            assertThat(refused.fieldsInError()).containsExactly("balance");
        }

        @Test
        void takingAnotherAccountsNumberIsRefusedWith409() {
            String taken = uniqueNumber();
            open(taken, "1");
            long id = open(uniqueNumber(), "1");

            Response refused = api.put("/accounts/" + id, revision("Number Thief", taken, "1"));

            assertProblem(refused, 409, "duplicate-account-number", "Account number already in use", "/accounts/" + id);
        }

        @Test
        void aClosedAccountCannotBeRevised() {
            String number = uniqueNumber();
            long id = open(number, "0");
            api.delete("/accounts/" + id);

            Response refused = api.put("/accounts/" + id, revision("Ghost", number, "0"));

            assertProblem(refused, 409, "account-closed", "Account is closed", "/accounts/" + id);
        }

        @Test
        void theCurrencyCannotChange() {
            String number = uniqueNumber();
            long id = open(number, "10");

            Response refused = api.put("/accounts/" + id, Json.account("Switcher", number, "10", "EUR"));

            assertProblem(refused, 400, "invalid-input", "Invalid request", "/accounts/" + id);
            assertThat(refused.fieldsInError()).containsExactly("currency");
            assertThat((String) api.get("/accounts/" + id).json("$.currency")).isEqualTo("USD");
        }

        @Test
        void theCurrentCurrencyMayBeRepeated() {
            String number = uniqueNumber();
            long id = open(number, "10");

            Response revised = api.put("/accounts/" + id, Json.account("Same Money", number, "10", "USD"));

            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            assertThat((String) revised.json("$.currency")).isEqualTo("USD");
        }

        @Test
        void readOnlyFieldsInARevisionAreIgnored() {
            String number = uniqueNumber();
            long id = open(number, "10");
            String body = "{\"id\":1,\"status\":\"CLOSED\",\"version\":99,\"createdAt\":\"2000-01-01T00:00:00Z\","
                    + "\"updatedAt\":\"2000-01-01T00:00:00Z\",\"name\":\"Read Only\",\"number\":\"" + number
                    + "\",\"balance\":1}";

            Response revised = api.put("/accounts/" + id, body);

            assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
            assertThat(revised.id()).isEqualTo(id);
            assertThat((String) revised.json("$.status")).isEqualTo("ACTIVE");
            assertThat((Integer) revised.json("$.version")).isEqualTo(1);
        }
    }

    @Nested
    class Closing {

        @Test
        void closingAnEmptyAccountAnswers204AndKeepsTheRecord() {
            long id = open(uniqueNumber(), "0");

            Response closed = api.delete("/accounts/" + id);

            assertThat(closed.status()).isEqualTo(204);
            assertThat(closed.body()).isEmpty();
            assertThat((String) api.get("/accounts/" + id).json("$.status")).isEqualTo("CLOSED");
        }

        @Test
        void closingAClosedAccountAgainAnswers204() {
            long id = open(uniqueNumber(), "0");
            api.delete("/accounts/" + id);

            assertThat(api.delete("/accounts/" + id).status()).isEqualTo(204);
            assertThat((String) api.get("/accounts/" + id).json("$.status")).isEqualTo("CLOSED");
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
            long id = open(uniqueNumber(), "0.01");

            Response refused = api.delete("/accounts/" + id);

            assertProblem(refused, 409, "account-not-empty", "Account balance is not zero", "/accounts/" + id);
            assertThat((String) api.get("/accounts/" + id).json("$.status")).isEqualTo("ACTIVE");
        }
    }

    @Nested
    class RequestIds {

        @Test
        void aWellFormedRequestIdIsEchoedOnErrors() {
            Response refused = api.get("/accounts/" + UNKNOWN_ID, "X-Request-Id", "abc-123");

            assertThat(refused.header("X-Request-Id")).hasValue("abc-123");
            assertThat((String) refused.json("$.requestId")).isEqualTo("abc-123");
        }

        @Test
        void aWellFormedRequestIdIsEchoedOnSuccess() {
            Response created =
                    api.post("/accounts", Json.account("Traced", uniqueNumber(), "1"), "X-Request-Id", "trace.me_01-A");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("X-Request-Id")).hasValue("trace.me_01-A");
        }

        @Test
        void aMalformedRequestIdIsReplaced() {
            Response refused = api.get("/accounts/abc", "X-Request-Id", "bad id!");

            String replaced = refused.header("X-Request-Id").orElseThrow();
            assertThat(replaced).isNotEqualTo("bad id!").matches("[A-Za-z0-9._-]{1,64}");
            assertThat((String) refused.json("$.requestId")).isEqualTo(replaced);
        }

        @Test
        void aRequestIdLongerThan64CharactersIsReplaced() {
            String tooLong = "a".repeat(65);

            Response refused = api.get("/accounts/" + UNKNOWN_ID, "X-Request-Id", tooLong);

            assertThat(refused.header("X-Request-Id")).isPresent().get().isNotEqualTo(tooLong);
            assertThat((String) refused.json("$.requestId"))
                    .isEqualTo(refused.header("X-Request-Id").orElseThrow());
        }

        @Test
        void everyResponseGetsARequestIdWhenNoneIsSent() {
            Response read = api.get("/accounts?size=1");

            assertThat(read.header("X-Request-Id")).isPresent().get().asString().matches("[A-Za-z0-9._-]{1,64}");
        }
    }

    // --- factory methods and assertions ---

    private long open(String number, String balance) {
        Response created = api.create("Holder " + number, number, balance);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private long openNamed(String name) {
        Response created = api.create(name, uniqueNumber(), "0");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static String revision(String name, String number, String balance) {
        return Json.account(name, number, balance);
    }

    /** A German IBAN no other test uses, with correct ISO 13616 check digits computed independently. */
    static String uniqueIban() {
        String bban = "37040044" + uniqueNumber();
        String rearranged = bban + "DE00";
        var digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("DE%02d%s", check, bban);
    }

    /** How a person types an IBAN: groups of four, lower case. */
    private static String spacedLowerCase(String number) {
        return number.toLowerCase(Locale.ROOT).replaceAll("(.{4})", "$1 ").strip();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A member's JSON text as the service wrote it, so {@code 1000.00} is not read back as a double. */
    private static String rawMember(Response response, String member) {
        var matcher = Pattern.compile("\"" + member + "\":([^,}]+)").matcher(response.body());
        assertThat(matcher.find()).as("member %s in %s", member, response).isTrue();
        return matcher.group(1);
    }

    private static List<String> names(Response page) {
        return page.json("$.content[*].name");
    }

    private static List<Long> ids(Response page) {
        List<Number> ids = page.json("$.content[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Every error: its status, RFC 9457 media type, our problem type, title, instance and request id. */
    static void assertProblem(Response response, int status, String slug, String title, String instance) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat((String) response.json("$.type")).isEqualTo(PROBLEM_TYPES + slug);
        assertThat((String) response.json("$.title")).isEqualTo(title);
        assertThat((Integer) response.json("$.status")).isEqualTo(status);
        assertThat((String) response.json("$.instance")).isEqualTo(instance);
        assertThat((String) response.json("$.detail")).isNotBlank();
        String requestId = response.header("X-Request-Id").orElseThrow();
        assertThat((String) response.json("$.requestId")).isEqualTo(requestId);
    }
}
