package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code get ID}: GET /accounts/{id}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one account, closed ones included.")
final class GetCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(paramLabel = "ID", description = "The account id.")
    long id;

    @Override
    public Integer call() {
        ServiceClient.Reply reply = cli.service().get("/accounts/" + id);
        Output output = cli.output();
        output.print(reply, output::account);
        return 0;
    }
}
