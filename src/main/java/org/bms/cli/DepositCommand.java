package org.bms.cli;

import picocli.CommandLine.Command;

/** {@code deposit ID AMOUNT}: POST /accounts/{id}/deposits with an Idempotency-Key. */
@Command(
        name = "deposit",
        mixinStandardHelpOptions = true,
        description = {
            "Deposit money into an account. The amount is exact: 10.101 USD is refused, never rounded.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class DepositCommand extends CashCommand {

    DepositCommand() {
        super("deposits");
    }
}
