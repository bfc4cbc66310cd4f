package org.bms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code reverse MOVEMENT}: POST /movements/{mid}/reversal with an Idempotency-Key. */
@Command(
        name = "reverse",
        mixinStandardHelpOptions = true,
        description = {
            "Reverse a movement: the same amount moves back, once. Needs the ADMIN role.",
            "Sent again with the same Idempotency-Key when no answer comes back, so it happens once."
        })
final class ReverseCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(paramLabel = "MOVEMENT", description = "The id of the movement to undo.")
    long movementId;

    @Mixin
    MovementOptions movement;

    @Override
    public Integer call() {
        return MovementPost.run(
                cli, movement, "/movements/" + movementId + "/reversal", Json.reversal(movement.reference));
    }
}
