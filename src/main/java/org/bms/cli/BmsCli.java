package org.bms.cli;

import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command-line client, {@code java -jar bms-cli.jar ...}: one subcommand per endpoint, talking HTTP to a
 * running service. It starts no Spring context and needs only picocli and Jackson's streaming core, so a command
 * answers in a fraction of a second. The service jar runs it too: {@code java -jar bms.jar client ...}.
 */
@Command(
        name = "bms-cli",
        mixinStandardHelpOptions = true,
        versionProvider = BmsCli.Version.class,
        description = "Drives a running BMS service over HTTP.",
        subcommands = {
            CreateCommand.class,
            ListCommand.class,
            GetCommand.class,
            UpdateCommand.class,
            CloseCommand.class,
            DepositCommand.class,
            WithdrawCommand.class,
            TransferCommand.class,
            ReverseCommand.class,
            StatementCommand.class,
            TotalCommand.class,
            ReconcileCommand.class,
            RatesCommand.class,
            TokenCommand.class
        },
        exitCodeOnInvalidInput = BmsCli.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the service refused the request (4xx); its problem is printed",
            "2:the service cannot be reached, failed (5xx), answered outside its API (a redirect, not JSON),"
                    + " or a change got no answer (its outcome is unknown)",
            "3:reconcile found balances that are not the sum of their postings",
            "64:the command line is wrong"
        })
public final class BmsCli implements Runnable {

    /** Exit code of a command the service refused (4xx). */
    public static final int REFUSED = 1;

    /** Exit code when the service cannot be reached or failed (5xx). */
    public static final int UNAVAILABLE = 2;

    /** Exit code of a reconciliation that found mismatches, so that a scheduled check can raise the alarm. */
    public static final int MISMATCHED = 3;

    /** Exit code of a command line picocli cannot parse (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    /** The first argument that turns the service jar into the client. */
    static final String CLIENT = "client";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            defaultValue = "${env:BMS_URL:-http://localhost:8080}",
            converter = ServiceUrl.class,
            description = "The service's base URL (default: $BMS_URL, else http://localhost:8080).")
    URI url;

    @Option(
            names = "--token",
            scope = ScopeType.INHERIT,
            paramLabel = "JWT",
            defaultValue = "${env:BMS_TOKEN}",
            description = "The bearer token sent with every request (default: $BMS_TOKEN); see the token command.")
    String token;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the service's JSON instead of a table.")
    boolean json;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: create, list, get, update, close, deposit, withdraw, transfer, reverse, statement,"
                        + " total, reconcile, rates or token");
    }

    /** {@code java -jar bms-cli.jar ...}: runs one command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Whether the service jar was started as the client: {@code java -jar bms.jar client ...}. */
    public static boolean isInvoked(String[] args) {
        return args.length > 0 && CLIENT.equals(args[0]);
    }

    /** Runs one command, printing to the console through picocli's writers; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The client's command line with its exit-code mapping; callers set where it prints. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BmsCli());
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        }
        return commandLine.setExecutionExceptionHandler((e, cli, parseResult) -> {
            if (e instanceof ServiceException failure) {
                failure.report(cli.getErr());
                return failure.exitCode();
            }
            throw e;
        });
    }

    ServiceClient service() {
        return new ServiceClient(url, token);
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), json);
    }

    /** Standard error, for notes on the way (a retry) that are not the command's output. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The version is the service's own, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BmsCli.class.getPackage().getImplementationVersion();
            return new String[] {"bms-cli " + (version == null ? "(development build)" : version)};
        }
    }
}
