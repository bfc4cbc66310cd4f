package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rates}: GET /scraper/rates. */
@Command(
        name = "rates",
        mixinStandardHelpOptions = true,
        description = "Show the central bank's policy rates as the service last read them.")
final class RatesCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            description = "ecb or fed (default: the service's configured source).")
    String source;

    @Override
    public Integer call() {
        ServiceClient.Reply reply = cli.service().get("/scraper/rates" + ServiceClient.query("source", source));
        Output output = cli.output();
        output.print(reply, output::rates);
        return 0;
    }
}
