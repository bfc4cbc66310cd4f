package org.bms.account;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bms.validation.Violations;

/** What a client may send with a reversal; the body itself is optional. */
public record ReversalRequest(
        @Schema(description = "Why it is undone: up to 140 characters, kept verbatim", example = "Paid twice")
        String reference) {

    static final ReversalRequest NONE = new ReversalRequest(null);

    /** The reference, checked once: a 400 when it is bad. */
    Reference validated() {
        var violations = new Violations();
        Reference checked = violations.check("reference", () -> Reference.parse(reference));
        violations.throwIfAny();
        return checked;
    }
}
