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
        ServiceClient service = cli.service();
        ServiceClient.Reply reply =
                fresh ? service.get("/batch/total", "Cache-Control", "no-cache") : service.get("/batch/total");
        Output output = cli.output();
        if (output.json()) {
            output.raw(reply.body());
        } else {
            output.total(reply.json());
        }
        return 0;
    }
}
