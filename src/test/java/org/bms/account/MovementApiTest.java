package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.INTEGER;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;
import static org.bms.support.JsonAssertions.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.bms.support.Tokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The movement table of the contract, row by row: each success and each refusal, over HTTP on a real database. */
@TestPropertySource(properties = "bms.database.url=target/test-db/movements-${random.uuid}.sqlite")
class MovementApiTest extends HttpIntegrationTest {

    private static final String PROBLEMS = "https://bms.example/problems/";

    @Nested
    class Deposits {

        @Test
        void aDepositRaisesTheBalanceAndTheVersionAndIsAMovementFromTheOutsideWorld() {
            long account = open("100.00");

            Response deposit = api.move(
                    "/accounts/" + account + "/deposits",
                    "{\"amount\":\"25.5\",\"reference\":\"Cash at the counter\"}");

            assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
            assertThat(deposit.header("Location")).contains("/movements/" + deposit.id());
            json(deposit).extractingPath("$.type").isEqualTo("DEPOSIT");
            json(deposit).extractingPath("$.currency").isEqualTo("USD");
            assertThat(deposit.body()).contains("\"amount\":25.50");
            json(deposit).extractingPath("$.from").isNull();
            json(deposit).extractingPath("$.to").convertTo(LONG).isEqualTo(account);
            json(deposit).extractingPath("$.reference").isEqualTo("Cash at the counter");
            json(deposit).extractingPath("$.reverses").isNull();
            json(deposit).extractingPath("$.reversedBy").isNull();
            json(deposit).extractingPath("$.createdBy").isEqualTo("test-admin");
            assertThat(deposit.header("Cache-Control")).contains("no-store");
            Response read = api.get("/accounts/" + account);
            assertThat(read.decimal("$.balance")).isEqualByComparingTo("125.50");
            assertThat(read.etag()).isEqualTo("\"1\"");
            assertThat(api.get(deposit.header("Location").orElseThrow()).body()).isEqualTo(deposit.body());
        }

        @Test
        void aDepositToAnUnknownAccountIs404() {
            assertProblem(api.deposit(987_654_321L, "1"), 404, "account-not-found");
        }

        @Test
        void aDepositToAClosedAccountIsRefused() {
            long account = open("0");
            assertThat(api.delete("/accounts/" + account).status()).isEqualTo(204);

            assertProblem(api.deposit(account, "1"), 409, "account-closed");
        }

        @Test
        void theLargestBalanceCanBeReachedButNotPassed() {
            long account = open("0");

            assertThat(api.deposit(account, "999999999999999.99").status()).isEqualTo(201);
            assertProblem(api.deposit(account, "0.01"), 409, "balance-limit");
            assertThat(api.get("/accounts/" + account).decimal("$.balance")).isEqualByComparingTo("999999999999999.99");
        }

        @Test
        void yenHaveNoDecimals() {
            long account = openIn("JPY", "0");

            Response refused = api.deposit(account, "5.5");
            assertProblem(refused, 400, "invalid-input");
            assertThat(refused.fieldsInError()).containsExactly("amount");
            Response deposit = api.deposit(account, "500");
            assertThat(deposit.status()).isEqualTo(201);
            assertThat(deposit.body()).contains("\"amount\":500,");
            assertThat(api.get("/accounts/" + account).body()).contains("\"balance\":500,");
        }
    }

    @Nested
    class Withdrawals {

        @Test
        void aWithdrawalLowersTheBalanceAndGoesToTheOutsideWorld() {
            long account = open("100.00");

            Response withdrawal = api.withdraw(account, "40");

            assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);
            json(withdrawal).extractingPath("$.type").isEqualTo("WITHDRAWAL");
            json(withdrawal).extractingPath("$.from").convertTo(LONG).isEqualTo(account);
            json(withdrawal).extractingPath("$.to").isNull();
            assertThat(api.get("/accounts/" + account).decimal("$.balance")).isEqualByComparingTo("60.00");
        }

        @Test
        void moreThanTheBalanceIsRefusedAndChangesNothing() {
            long account = open("10.00");

            assertProblem(api.withdraw(account, "10.01"), 409, "insufficient-funds");
            Response read = api.get("/accounts/" + account);
            assertThat(read.decimal("$.balance")).isEqualByComparingTo("10.00");
            assertThat(read.etag()).isEqualTo("\"0\"");
            assertThat(api.withdraw(account, "10.00").status()).isEqualTo(201);
            assertThat(api.get("/accounts/" + account).decimal("$.balance")).isEqualByComparingTo("0");
        }
    }

    @Nested
    class Transfers {

        @Test
        void aTransferMovesMoneyBetweenTwoAccountsAndShowsOnBothStatements() {
            long from = openIn("EUR", "100.00");
            long to = openIn("EUR", "0");

            Response transfer = api.move(
                    "/transfers",
                    "{\"from\":" + from + ",\"to\":" + to + ",\"amount\":25,\"reference\":\"March rent\"}");

            assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
            json(transfer).extractingPath("$.type").isEqualTo("TRANSFER");
            json(transfer).extractingPath("$.currency").isEqualTo("EUR");
            assertThat(transfer.decimal("$.amount")).isEqualTo(new BigDecimal("25.00"));
            assertThat(api.get("/accounts/" + from).decimal("$.balance")).isEqualByComparingTo("75.00");
            assertThat(api.get("/accounts/" + to).decimal("$.balance")).isEqualByComparingTo("25.00");
            Response paying = api.get("/accounts/" + from + "/movements");
            json(paying).extractingPath("$.content[0].movement").convertTo(LONG).isEqualTo(transfer.id());
            assertThat(paying.decimal("$.content[0].amount")).isEqualTo(new BigDecimal("-25.00"));
            assertThat(paying.decimal("$.content[0].balanceAfter")).isEqualTo(new BigDecimal("75.00"));
            json(paying)
                    .extractingPath("$.content[0].counterparty")
                    .convertTo(LONG)
                    .isEqualTo(to);
            json(paying).extractingPath("$.content[0].reference").isEqualTo("March rent");
            json(paying).extractingPath("$.content[1].type").isEqualTo("OPENING");
            Response paid = api.get("/accounts/" + to + "/movements");
            assertThat(paid.decimal("$.content[0].amount")).isEqualTo(new BigDecimal("25.00"));
            json(paid)
                    .extractingPath("$.content[0].counterparty")
                    .convertTo(LONG)
                    .isEqualTo(from);
            json(paid).extractingPath("$.page.totalElements").isEqualTo(1);
        }

        @Test
        void eachRefusalNamesItsProblemAndTheFirstOneInTheContractsOrderWins() {
            long usd = open("10.00");
            long otherUsd = open("0");
            long eur = openIn("EUR", "10.00");
            long closedEur = openIn("EUR", "0");
            api.delete("/accounts/" + closedEur);

            Response same = api.transfer(usd, usd, "1");
            assertProblem(same, 400, "invalid-input");
            assertThat(same.fieldsInError()).containsExactly("to");
            Response unknownFrom = api.transfer(987_654_321L, usd, "1");
            assertProblem(unknownFrom, 404, "account-not-found");
            json(unknownFrom)
                    .extractingPath("$.detail")
                    .asString()
                    .contains("987654321")
                    .contains("from");
            Response unknownTo = api.transfer(usd, 987_654_322L, "1");
            assertProblem(unknownTo, 404, "account-not-found");
            json(unknownTo)
                    .extractingPath("$.detail")
                    .asString()
                    .contains("987654322")
                    .contains("to");
            // Closed and in another currency: closed comes first.
            assertProblem(api.transfer(usd, closedEur, "1"), 409, "account-closed");
            // Another currency and too little money: the currency comes first.
            assertProblem(api.transfer(usd, eur, "50"), 409, "currency-mismatch");
            assertProblem(api.transfer(usd, otherUsd, "10.01"), 409, "insufficient-funds");
            assertProblem(api.transfer(usd, otherUsd, "0.001"), 400, "invalid-input");
            assertThat(api.get("/accounts/" + usd).etag()).isEqualTo("\"0\"");
            json(api.get("/accounts/" + usd + "/movements"))
                    .extractingPath("$.page.totalElements")
                    .isEqualTo(1);
        }

        @Test
        void aTransferThatWouldPassTheLargestBalanceIsRefused() {
            long from = open("1.00");
            long to = open("999999999999999.99");

            assertProblem(api.transfer(from, to, "0.01"), 409, "balance-limit");
            assertThat(api.get("/accounts/" + from).decimal("$.balance")).isEqualByComparingTo("1.00");
        }
    }

    @Nested
    class Reversals {

        @Test
        void aReversalMovesTheSameAmountBackOnceAndLinksBothMovements() {
            long from = open("100.00");
            long to = open("0");
            long transfer = api.transfer(from, to, "30").id();

            Response reversal = api.move("/movements/" + transfer + "/reversal", "{\"reference\":\"Paid twice\"}");

            assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
            json(reversal).extractingPath("$.type").isEqualTo("REVERSAL");
            json(reversal).extractingPath("$.from").convertTo(LONG).isEqualTo(to);
            json(reversal).extractingPath("$.to").convertTo(LONG).isEqualTo(from);
            json(reversal).extractingPath("$.reverses").convertTo(LONG).isEqualTo(transfer);
            json(api.get("/movements/" + transfer))
                    .extractingPath("$.reversedBy")
                    .convertTo(LONG)
                    .isEqualTo(reversal.id());
            assertThat(api.get("/accounts/" + from).decimal("$.balance")).isEqualByComparingTo("100.00");
            assertThat(api.get("/accounts/" + to).decimal("$.balance")).isEqualByComparingTo("0");
            assertProblem(api.reverse(transfer), 409, "already-reversed");
            assertProblem(api.reverse(reversal.id()), 409, "not-reversible");
        }

        @Test
        void openingsDepositsAndAdjustmentsCanBeReversedUnlessTheMoneyHasLeft() {
            long account = open("50.00");
            long opening = api.get("/accounts/" + account + "/movements").json("$.content[0].movement", Long.class);
            api.withdraw(account, "20");

            assertProblem(api.reverse(opening), 409, "insufficient-funds");
            long deposit = api.deposit(account, "5").id();
            Response undone = api.reverse(deposit);
            assertThat(undone.status()).isEqualTo(201);
            json(undone).extractingPath("$.to").isNull();
            assertThat(api.get("/accounts/" + account).decimal("$.balance")).isEqualByComparingTo("30.00");
        }

        @Test
        void onlyAnAdminReversesAndAnUnknownMovementIs404() {
            long account = open("10.00");
            long deposit = api.deposit(account, "5").id();

            Response teller = api.as(Tokens.teller()).reverse(deposit);
            assertProblem(teller, 403, "forbidden");
            assertProblem(api.reverse(987_654_321L), 404, "movement-not-found");
            json(api.get("/movements/" + deposit))
                    .extractingPath("$.reversedBy")
                    .isNull();
        }

        @Test
        void aReversalIntoAClosedAccountIsRefused() {
            long from = open("10.00");
            long to = open("0");
            long transfer = api.transfer(from, to, "10").id();
            api.transfer(to, from, "10");
            assertThat(api.delete("/accounts/" + to).status()).isEqualTo(204);

            assertProblem(api.reverse(transfer), 409, "account-closed");
        }
    }

    @Nested
    class OpeningsAndAdjustments {

        @Test
        void anOpeningBalanceIsAnOpeningMovementAtVersionZero() {
            Response opened = api.create("Opening", uniqueNumber(), "70.00");

            assertThat(opened.etag()).isEqualTo("\"0\"");
            Response statement = api.get("/accounts/" + opened.id() + "/movements");
            json(statement).extractingPath("$.content[0].type").isEqualTo("OPENING");
            assertThat(statement.decimal("$.content[0].amount")).isEqualTo(new BigDecimal("70.00"));
            assertThat(statement.decimal("$.content[0].balanceAfter")).isEqualTo(new BigDecimal("70.00"));
            json(statement).extractingPath("$.content[0].counterparty").isNull();
            json(api.get("/accounts/" + open("0") + "/movements"))
                    .extractingPath("$.page.totalElements")
                    .isEqualTo(0);
        }

        @Test
        void aBalanceChangedByPutIsAnAdjustmentEitherWay() {
            Response opened = api.create("Adjusted", uniqueNumber(), "70.00");
            String number = opened.json("$.number");

            Response raised = api.put("/accounts/" + opened.id(), Json.account("Adjusted", number, "100"));
            Response lowered = api.put("/accounts/" + opened.id(), Json.account("Adjusted", number, "90"));
            Response unchanged = api.put("/accounts/" + opened.id(), Json.account("Adjusted", number, "90.00"));

            assertThat(List.of(raised.status(), lowered.status(), unchanged.status()))
                    .containsOnly(200);
            assertThat(unchanged.etag()).isEqualTo("\"3\"");
            Response statement = api.get("/accounts/" + opened.id() + "/movements");
            json(statement)
                    .extractingPath("$.content[*].type")
                    .asArray()
                    .containsExactly("ADJUSTMENT", "ADJUSTMENT", "OPENING");
            assertThat(statement.decimal("$.content[0].amount")).isEqualTo(new BigDecimal("-10.00"));
            assertThat(statement.decimal("$.content[1].amount")).isEqualTo(new BigDecimal("30.00"));
            assertThat(statement.decimal("$.content[0].balanceAfter")).isEqualTo(new BigDecimal("90.00"));
        }

        @Test
        void aTellerCannotAdjust() {
            Response opened = api.create("Teller", uniqueNumber(), "70.00");

            Response refused = api.as(Tokens.teller())
                    .put("/accounts/" + opened.id(), Json.account("Teller", opened.json("$.number"), "71"));

            assertProblem(refused, 403, "forbidden");
            json(api.get("/accounts/" + opened.id() + "/movements"))
                    .extractingPath("$.page.totalElements")
                    .isEqualTo(1);
        }
    }

    @Nested
    class Statements {

        @Test
        void aStatementIsNewestFirstPagedAndEachLineFollowsFromTheOneBefore() {
            long account = open("0");
            for (int i = 1; i <= 7; i++) {
                api.deposit(account, i + ".00");
            }
            api.withdraw(account, "3.50");

            Response first = api.get("/accounts/" + account + "/movements?size=5");
            Response second = api.get("/accounts/" + account + "/movements?size=5&page=1");

            json(first).extractingPath("$.page.totalElements").isEqualTo(8);
            json(first).extractingPath("$.page.totalPages").isEqualTo(2);
            assertThat(first.decimal("$.content[0].balanceAfter")).isEqualByComparingTo("24.50");
            assertThat(first.decimal("$.content[0].amount")).isEqualByComparingTo("-3.50");
            List<Map<String, Object>> lines = new java.util.ArrayList<>(first.json("$.content"));
            lines.addAll(second.json("$.content"));
            BigDecimal balance = BigDecimal.ZERO;
            for (int i = lines.size() - 1; i >= 0; i--) {
                balance = balance.add(new BigDecimal(lines.get(i).get("amount").toString()));
                assertThat(new BigDecimal(lines.get(i).get("balanceAfter").toString()))
                        .isEqualByComparingTo(balance);
            }
            assertThat(balance)
                    .isEqualByComparingTo(api.get("/accounts/" + account).decimal("$.balance"));
        }

        @Test
        void statementsRefuseLargePagesUnknownAccountsAndKeepClosedAccountsHistory() {
            long account = open("5.00");
            api.withdraw(account, "5");
            api.delete("/accounts/" + account);

            json(api.get("/accounts/" + account + "/movements"))
                    .extractingPath("$.page.totalElements")
                    .isEqualTo(2);
            assertThat(api.get("/accounts/" + account + "/movements?size=101").status())
                    .isEqualTo(400);
            assertProblem(api.get("/accounts/987654321/movements"), 404, "account-not-found");
            assertThat(api.get("/movements/abc").status()).isEqualTo(400);
            assertProblem(api.get("/movements/987654321"), 404, "movement-not-found");
        }
    }

    @Nested
    class IdempotencyKeys {

        @Test
        void aMoneyMoveWithoutAUsableKeyIsRefusedAndChangesNothing() {
            long account = open("1.00");

            assertProblem(
                    api.post("/accounts/" + account + "/deposits", "{\"amount\":1}"), 400, "idempotency-key-required");
            assertProblem(
                    api.post("/accounts/" + account + "/deposits", "{\"amount\":1}", "Idempotency-Key", "has space"),
                    400,
                    "idempotency-key-required");
            assertProblem(
                    api.post(
                            "/accounts/" + account + "/deposits", "{\"amount\":1}", "Idempotency-Key", "k".repeat(256)),
                    400,
                    "idempotency-key-required");
            assertThat(api.get("/accounts/" + account).etag()).isEqualTo("\"0\"");
        }
    }

    @Test
    void theReconciliationFindsEveryBalanceEqualToItsPostings() {
        long account = openIn("CHF", "10.00");
        api.deposit(account, "5");

        Response reconciliation = api.get("/batch/reconciliation");

        assertThat(reconciliation.status()).as(reconciliation.toString()).isEqualTo(200);
        json(reconciliation).extractingPath("$.mismatches").asArray().isEmpty();
        json(reconciliation).extractingPath("$.movements").convertTo(INTEGER).isPositive();
        for (Map<String, Object> currency : reconciliation.<List<Map<String, Object>>>json("$.currencies")) {
            BigDecimal balances = new BigDecimal(currency.get("balances").toString());
            assertThat(new BigDecimal(currency.get("postings").toString())).isEqualByComparingTo(balances);
            assertThat(new BigDecimal(currency.get("outside").toString())).isEqualByComparingTo(balances.negate());
        }
        assertThat(reconciliation.decimal("$.currencies[?(@.currency == 'CHF')].balances"))
                .isEqualByComparingTo("15.00");
    }

    private long open(String balance) {
        return openIn("USD", balance);
    }

    private long openIn(String currency, String balance) {
        Response opened = api.post("/accounts", Json.account("Holder", uniqueNumber(), balance, currency));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id();
    }

    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo(PROBLEMS + slug);
    }
}
