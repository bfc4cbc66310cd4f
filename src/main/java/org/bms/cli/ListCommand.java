package org.bms.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code list}: GET /accounts, one page or, with {@code --all}, every page. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List accounts a page at a time, filtered by name, number and status.")
final class ListCommand implements Callable<Integer> {

    /** The service's largest page: the fewest requests for --all. */
    private static final int LARGEST_PAGE = 100;

    @ParentCommand
    BmsCli cli;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Accounts per page, 1-100 (default 20; 100 with --all).")
    Integer size;

    @Option(names = "--name", paramLabel = "TEXT", description = "Part of the holder name, any case.")
    String name;

    @Option(names = "--number", paramLabel = "NUMBER", description = "The account number, exactly.")
    String number;

    @Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE (default) or CLOSED.")
    String status;

    @Option(
            names = "--sort",
            paramLabel = "PROPERTY[,asc|desc]",
            description = "Order, e.g. name,asc (repeatable; default id).")
    List<String> sort = new ArrayList<>();

    @Option(names = "--all", description = "Walk every page and print all matching accounts.")
    boolean all;

    @Override
    public Integer call() {
        ServiceClient service = cli.service();
        Output output = cli.output();
        if (!all) {
            output.print(service.get(path(page, size)), result -> {
                output.accounts(accountsOf(result));
                output.line(footer(result.path("page")));
            });
            return 0;
        }
        List<JsonValue> accounts = new ArrayList<>();
        int next = 0;
        boolean more = true;
        while (more) {
            JsonValue result =
                    service.get(path(next, size == null ? LARGEST_PAGE : size)).json();
            List<JsonValue> content = accountsOf(result);
            JsonValue position = result.path("page");
            accounts.addAll(content);
            next = (int) position.path("number").asLong() + 1;
            more = next < position.path("totalPages").asLong() && !content.isEmpty();
        }
        if (output.json()) {
            output.raw(Json.write(accounts));
        } else {
            output.accounts(accounts);
            output.line(Output.count(accounts.size(), "account"));
        }
        return 0;
    }

    /** The query for one page; options not given are left out, so the service's defaults apply. */
    private String path(Integer pageNumber, Integer pageSize) {
        List<String> query = new ArrayList<>(Arrays.asList(
                "page",
                Objects.toString(pageNumber, null),
                "size",
                Objects.toString(pageSize, null),
                "name",
                name,
                "number",
                number,
                "status",
                status == null ? null : status.toUpperCase(Locale.ROOT)));
        for (String order : sort) {
            query.add("sort");
            query.add(order);
        }
        return "/accounts" + ServiceClient.query(query.toArray(String[]::new));
    }

    private static List<JsonValue> accountsOf(JsonValue result) {
        return result.path("content").values();
    }

    private static String footer(JsonValue page) {
        long total = page.path("totalElements").asLong();
        long number = page.path("number").asLong();
        long pages = page.path("totalPages").asLong();
        String accounts = Output.count(total, "account");
        if (pages <= 1) {
            return accounts;
        }
        String where = accounts + ", page " + (number + 1) + " of " + pages;
        return number + 1 < pages ? where + " (--page " + (number + 1) + " for the next, --all for every page)" : where;
    }
}
