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

    /** {@code 1 account}, {@code 2 accounts}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
