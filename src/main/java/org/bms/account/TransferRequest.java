package org.bms.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Objects;
import org.bms.validation.Violations;

/** What a client sends to move money from one account to another of the same currency. */
public record TransferRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The account paying", example = "3")
        Long from,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The account paid", example = "5")
        Long to,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"number", "string"},
                description = "Above zero, exact at the accounts' currency scale; a number or a decimal string",
                example = "25.00")
        BigDecimal amount,

        @Schema(description = "What it is for: up to 140 characters, kept verbatim", example = "March rent")
        String reference) {

    /** The request's values, checked once: a 400 naming every bad field. */
    Transfer validated() {
        var violations = new Violations();
        if (from == null) {
            violations.add("from", "is required");
        }
        if (to == null) {
            violations.add("to", "is required");
        } else if (Objects.equals(from, to)) {
            violations.add("to", "must differ from the account paying");
        }
        Amount checkedAmount = violations.check("amount", () -> Amount.parse(amount));
        Reference checkedReference = violations.check("reference", () -> Reference.parse(reference));
        violations.throwIfAny();
        return new Transfer(from, to, checkedAmount, checkedReference);
    }

    /** A transfer whose values were checked. */
    record Transfer(long from, long to, Amount amount, Reference reference) {}
}
