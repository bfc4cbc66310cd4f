package org.bms.cli;

import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

    /** One account, a field a line, as {@code get}, {@code create} and {@code update} show it. */
    /** One account as the service sent it: its JSON with {@code --json}, a field table otherwise. */
    void account(ServiceClient.Reply reply) {
        if (json) {
            raw(reply.body());
        } else {
            account(reply.json());
        }
    }

    void account(JsonNode account) {
        Table table = new Table("FIELD", "VALUE");
        for (String field :
                List.of("id", "name", "number", "balance", "currency", "status", "createdAt", "updatedAt", "version")) {
            table.row(field, text(account.path(field)));
        }
        table.print(out);
    }

    void accounts(List<JsonNode> accounts) {
        Table table = new Table("ID>", "NAME", "NUMBER", "BALANCE>", "CURRENCY", "STATUS", "VERSION>");
        for (JsonNode account : accounts) {
            table.row(
                    text(account.path("id")),
                    text(account.path("name")),
                    text(account.path("number")),
                    text(account.path("balance")),
                    text(account.path("currency")),
                    text(account.path("status")),
                    text(account.path("version")));
        }
        table.print(out);
    }

    void total(JsonNode total) {
        Table table = new Table("CURRENCY", "TOTAL>", "ACCOUNTS>");
        for (JsonNode currency : total.path("totals").values()) {
            table.row(text(currency.path("currency")), text(currency.path("total")), text(currency.path("accounts")));
        }
        table.print(out);
        out.println(count(total.path("accounts").asLong(), "active account") + " as of " + text(total.path("asOf"))
                + " (" + count(total.path("chunks").asLong(), "chunk") + " of " + text(total.path("chunkSize")) + ", "
                + text(total.path("elapsedMs")) + " ms)");
    }

    void rates(JsonNode rates) {
        Table table = new Table("RATE", "PERCENT>", "EFFECTIVE");
        for (JsonNode rate : rates.path("rates").values()) {
            table.row(text(rate.path("name")), text(rate.path("ratePercent")), text(rate.path("effectiveDate")));
        }
        table.print(out);
        boolean stale = rates.path("stale").asBoolean(false);
        out.println("Source " + text(rates.path("source")) + " (" + text(rates.path("url")) + "), fetched "
                + text(rates.path("fetchedAt"))
                + (stale ? "; STALE: the source failed, this is the last good read" : ""));
    }

    /** {@code 1 account}, {@code 2 accounts}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A JSON value as text; a number exactly as the service wrote it ({@code 1000.00}, never {@code 1E+3}). */
    static String text(JsonNode value) {
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.asString();
    }
}
