package org.bms.cli;

import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code deposit ID AMOUNT}: POST /accounts/{id}/deposits with an Idempotency-Key. */
@Command(
        name = "deposit",
        mixinStandardHelpOptions = true,
        description = {
            "Deposit money into an account. The amount is exact: 10.101 USD is refused, never rounded.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class DepositCommand implements Callable<Integer> {

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
        return MovementPost.run(cli, movement, "/accounts/" + id + "/deposits", Json.cash(amount, movement.reference));
    }
}
