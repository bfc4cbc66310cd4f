package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code reconcile}: GET /batch/reconciliation; exits {@link BmsCli#MISMATCHED} when any balance is off. */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = "Check every account's balance against the sum of its postings, and each currency's books.")
final class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Override
    public Integer call() {
        ServiceClient.Reply reply = cli.service().get("/batch/reconciliation");
        Output output = cli.output();
        output.print(reply, output::reconciliation);
        return reply.json().path("mismatches").values().isEmpty() ? 0 : BmsCli.MISMATCHED;
    }
}
