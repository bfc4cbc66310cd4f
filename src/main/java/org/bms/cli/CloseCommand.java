package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code close ID}: DELETE /accounts/{id}. */
@Command(
        name = "close",
        mixinStandardHelpOptions = true,
        description = "Close an account with a zero balance; the record is kept with status CLOSED.")
final class CloseCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(paramLabel = "ID", description = "The account id.")
    long id;

    @Option(
            names = "--if-match",
            paramLabel = "VERSION",
            description = "Close only if the account is still at this version (its ETag).")
    String ifMatch;

    @Override
    public Integer call() {
        cli.service().delete("/accounts/" + id, "If-Match", ifMatch == null ? null : UpdateCommand.etag(ifMatch));
        Output output = cli.output();
        if (!output.json()) {
            output.line("Account " + id + " is closed.");
        }
        return 0;
    }
}
