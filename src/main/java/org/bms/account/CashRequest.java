package org.bms.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.bms.validation.Violations;

/** What a client sends to deposit money into an account or withdraw it. */
public record CashRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"number", "string"},
                description = "Above zero, exact at the account currency's scale; a number or a decimal string",
                example = "25.00")
        BigDecimal amount,

        @Schema(description = "What it is for: up to 140 characters, kept verbatim", example = "Cash at the counter")
        String reference) {

    /** The request's values, checked once: a 400 naming every bad field. */
    Cash validated() {
        var violations = new Violations();
        Amount checkedAmount = violations.check("amount", () -> Amount.parse(amount));
        Reference checkedReference = violations.check("reference", () -> Reference.parse(reference));
        violations.throwIfAny();
        return new Cash(checkedAmount, checkedReference);
    }

    /** A deposit or withdrawal whose values were checked. */
    record Cash(Amount amount, Reference reference) {}
}
