package org.bms.cli;

import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code withdraw ID AMOUNT}: POST /accounts/{id}/withdrawals with an Idempotency-Key. */
@Command(
        name = "withdraw",
        mixinStandardHelpOptions = true,
        description = {
            "Withdraw money from an account; refused when the balance is below the amount.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class WithdrawCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The account id.")
    long id;

    @Parameters(index = "1", paramLabel = "AMOUNT", description = "Above zero, at the currency's scale, e.g. 25.00.")
    BigDecimal amount;

    @Mixin
    MovementOptions movement;

    @Override
    public Integer call() {
        return MovementPost.run(
                cli, movement, "/accounts/" + id + "/withdrawals", Json.cash(amount, movement.reference));
    }
}
