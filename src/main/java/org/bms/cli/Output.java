package org.bms.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a command prints on standard output: the service's JSON as it came ({@code --json}), or tables for a
 * person. Amounts are printed as the service wrote them, never through binary floating point.
 */
final class Output {

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    void raw(String body) {
        out.println(body.strip());
    }

    void line(String text) {
        out.println(text);
    }

    /** A reply as the service sent it: its JSON with {@code --json}, else the table {@code table} makes of it. */
    void print(ServiceClient.Reply reply, Consumer<JsonValue> table) {
        if (json) {
            raw(reply.body());
        } else {
            table.accept(reply.json());
        }
    }

    void account(JsonValue account) {
        Table table = new Table("FIELD", "VALUE");
        for (String field :
                List.of("id", "name", "number", "balance", "currency", "status", "createdAt", "updatedAt", "version")) {
            table.row(field, account.path(field).text());
        }
        table.print(out);
    }

    void accounts(List<JsonValue> accounts) {
        Table table = new Table("ID>", "NAME", "NUMBER", "BALANCE>", "CURRENCY", "STATUS", "VERSION>");
        for (JsonValue account : accounts) {
            table.row(
                    account.path("id").text(),
                    account.path("name").text(),
                    account.path("number").text(),
                    account.path("balance").text(),
                    account.path("currency").text(),
                    account.path("status").text(),
                    account.path("version").text());
        }
        table.print(out);
    }

    void total(JsonValue total) {
        Table table = new Table("CURRENCY", "TOTAL>", "ACCOUNTS>");
        for (JsonValue currency : total.path("totals").values()) {
            table.row(
                    currency.path("currency").text(),
                    currency.path("total").text(),
                    currency.path("accounts").text());
        }
        table.print(out);
        String chunks = count(total.path("chunks").asLong(), "chunk") + " of "
                + total.path("chunkSize").text();
        out.println(count(total.path("accounts").asLong(), "active account") + " as of "
                + total.path("asOf").text() + " (" + chunks + ", "
                + total.path("elapsedMs").text() + " ms)");
    }

    void rates(JsonValue rates) {
        Table table = new Table("RATE", "PERCENT>", "EFFECTIVE");
        for (JsonValue rate : rates.path("rates").values()) {
            table.row(
                    rate.path("name").text(),
                    rate.path("ratePercent").text(),
                    rate.path("effectiveDate").text());
        }
        table.print(out);
        String stale = rates.path("stale").isTrue() ? "; STALE: the source failed, this is the last good read" : "";
        out.println("Source " + rates.path("source").text() + " ("
                + rates.path("url").text() + "), fetched "
                + rates.path("fetchedAt").text() + stale);
    }

    /** A movement; {@code from} or {@code to} is empty for the outside world (a deposit's source, say). */
    void movement(JsonValue movement) {
        Table table = new Table("FIELD", "VALUE");
        for (String field : List.of(
                "id",
                "type",
                "currency",
                "amount",
                "from",
                "to",
                "reference",
                "reverses",
                "reversedBy",
                "createdAt",
                "createdBy")) {
            table.row(field, movement.path(field).text());
        }
        table.print(out);
    }

    /** Statement lines: the amount signed from the account's side, and its balance right after. */
    void statement(List<JsonValue> lines) {
        Table table = new Table(
                "MOVEMENT>", "TYPE", "AMOUNT>", "BALANCE AFTER>", "COUNTERPARTY>", "REFERENCE", "CREATED", "BY");
        for (JsonValue line : lines) {
            table.row(
                    line.path("movement").text(),
                    line.path("type").text(),
                    line.path("amount").text(),
                    line.path("balanceAfter").text(),
                    line.path("counterparty").text(),
                    line.path("reference").text(),
                    line.path("createdAt").text(),
                    line.path("createdBy").text());
        }
        table.print(out);
    }

    /** Each currency's books, then every account whose balance is not the sum of its postings, if any. */
    void reconciliation(JsonValue reconciliation) {
        Table currencies = new Table("CURRENCY", "ACCOUNTS>", "BALANCES>", "POSTINGS>", "OUTSIDE>");
        for (JsonValue currency : reconciliation.path("currencies").values()) {
            currencies.row(
                    currency.path("currency").text(),
                    currency.path("accounts").text(),
                    currency.path("balances").text(),
                    currency.path("postings").text(),
                    currency.path("outside").text());
        }
        currencies.print(out);
        List<JsonValue> mismatches = reconciliation.path("mismatches").values();
        if (!mismatches.isEmpty()) {
            out.println();
            Table table = new Table("MISMATCH: ACCOUNT>", "BALANCE>", "POSTINGS>");
            for (JsonValue mismatch : mismatches) {
                table.row(
                        mismatch.path("account").text(),
                        mismatch.path("balance").text(),
                        mismatch.path("postings").text());
            }
            table.print(out);
        }
        String chunks = count(reconciliation.path("chunks").asLong(), "chunk") + " of "
                + reconciliation.path("chunkSize").text() + ", parallelism "
                + reconciliation.path("parallelism").text();
        String verdict = mismatches.isEmpty()
                ? "no mismatches"
                : mismatches.size() + (mismatches.size() == 1 ? " mismatch" : " mismatches")
                        + ", balances that differ from their postings";
        out.println(count(reconciliation.path("accounts").asLong(), "account") + ", "
                + count(reconciliation.path("movements").asLong(), "movement") + " as of "
                + reconciliation.path("asOf").text() + ": " + verdict + " (" + chunks + ", "
                + reconciliation.path("elapsedMs").text() + " ms)");
    }

    /** {@code 1 account}, {@code 2 accounts}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
