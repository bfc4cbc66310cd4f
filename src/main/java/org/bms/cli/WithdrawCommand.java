package org.bms.cli;

import picocli.CommandLine.Command;

/** {@code withdraw ID AMOUNT}: POST /accounts/{id}/withdrawals with an Idempotency-Key. */
@Command(
        name = "withdraw",
        mixinStandardHelpOptions = true,
        description = {
            "Withdraw money from an account; refused when the balance is below the amount.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class WithdrawCommand extends CashCommand {

    WithdrawCommand() {
        super("withdrawals");
    }
}
