package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code total}: GET /batch/total. */
@Command(
        name = "total",
        mixinStandardHelpOptions = true,
        description = "Total the balances of all active accounts, per currency.")
final class TotalCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Option(names = "--fresh", description = "Recompute instead of taking the cached total (Cache-Control: no-cache).")
    boolean fresh;

    @Override
    public Integer call() {
        ServiceClient.Reply reply = cli.service().get("/batch/total", "Cache-Control", fresh ? "no-cache" : null);
        Output output = cli.output();
        output.print(reply, output::total);
        return 0;
    }
}
