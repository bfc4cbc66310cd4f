package org.bms.cli;

import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code transfer FROM TO AMOUNT}: POST /transfers with an Idempotency-Key. */
@Command(
        name = "transfer",
        mixinStandardHelpOptions = true,
        description = {
            "Transfer money between two accounts of one currency.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class TransferCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(index = "0", paramLabel = "FROM", description = "The id of the account paying.")
    long from;

    @Parameters(index = "1", paramLabel = "TO", description = "The id of the account paid.")
    long to;

    @Parameters(index = "2", paramLabel = "AMOUNT", description = "Above zero, at the currency's scale, e.g. 25.00.")
    BigDecimal amount;

    @Mixin
    MovementOptions movement;

    @Override
    public Integer call() {
        return MovementPost.run(cli, movement, "/transfers", Json.transfer(from, to, amount, movement.reference));
    }
}
