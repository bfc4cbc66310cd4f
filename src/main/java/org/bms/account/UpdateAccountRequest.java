package org.bms.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Currency;
import org.bms.validation.Violations;

/**
 * The new state of an account's holder, number and balance. The balance, if absent, stays; the currency, if given,
 * must not change.
 */
@JsonIgnoreProperties(value = {"id", "status", "createdAt", "updatedAt", "version"})
public record UpdateAccountRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "John Doe")
        String name,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "123456789")
        String number,

        @Schema(
                types = {"number", "string"},
                description = "Exact at the currency's scale; a number or a decimal string. Absent: unchanged;"
                        + " a different one takes an ADMIN",
                example = "1000.00")
        BigDecimal balance,

        @Schema(description = "Optional; must equal the account's currency", example = "USD")
        String currency) {

    /** The request's values, checked once against the account's currency: a 400 naming every bad field. */
    Revision validated(Money currentBalance) {
        var violations = new Violations();
        HolderName checkedName = violations.check("name", () -> HolderName.parse(name));
        AccountNumber checkedNumber = violations.check("number", () -> AccountNumber.parse(number));
        Currency held = currentBalance.currency();
        if (currency != null) {
            Currency requested = violations.check("currency", () -> Money.currency(currency));
            if (requested != null && !requested.equals(held)) {
                violations.add("currency", "cannot change: the account is held in " + held);
            }
        }
        // Absent means unchanged.
        Money checkedBalance =
                balance == null ? currentBalance : violations.check("balance", () -> Money.of(balance, held));
        violations.throwIfAny();
        return new Revision(checkedName, checkedNumber, checkedBalance);
    }

    /** The new state of an account, its values checked. */
    record Revision(HolderName name, AccountNumber number, Money balance) {}
}
