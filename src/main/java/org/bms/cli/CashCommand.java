package org.bms.cli;

import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code deposit} or {@code withdraw ID AMOUNT}: POST /accounts/{id}/{kind} with an Idempotency-Key. */
abstract class CashCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The account id.")
    long id;

    @Parameters(index = "1", paramLabel = "AMOUNT", description = "Above zero, at the currency's scale, e.g. 25.00.")
    BigDecimal amount;

    @Mixin
    MovementOptions movement;

    private final String kind;

    /** @param kind the last segment of the path: {@code deposits} or {@code withdrawals} */
    CashCommand(String kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() {
        return MovementPost.run(cli, movement, "/accounts/" + id + "/" + kind, Json.cash(amount, movement.reference));
    }
}
