package org.bms.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statement ID}: GET /accounts/{id}/movements, one page. */
@Command(
        name = "statement",
        mixinStandardHelpOptions = true,
        description = "Show an account's movements, newest first, each with the balance right after it.")
final class StatementCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(paramLabel = "ID", description = "The account id; closed accounts keep their statement.")
    long id;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Movements per page, 1-100 (default 20).")
    Integer size;

    @Override
    public Integer call() {
        String query = ServiceClient.query("page", Objects.toString(page, null), "size", Objects.toString(size, null));
        ServiceClient.Reply reply = cli.service().get("/accounts/" + id + "/movements" + query);
        Output output = cli.output();
        output.print(reply, result -> {
            output.statement(result.path("content").values());
            output.line(footer(result.path("page")));
        });
        return 0;
    }

    private static String footer(JsonValue page) {
        long number = page.path("number").asLong();
        long pages = page.path("totalPages").asLong();
        String movements = Output.count(page.path("totalElements").asLong(), "movement");
        if (pages <= 1) {
            return movements;
        }
        String where = movements + ", page " + (number + 1) + " of " + pages;
        return number + 1 < pages ? where + " (--page " + (number + 1) + " for the next)" : where;
    }
}
