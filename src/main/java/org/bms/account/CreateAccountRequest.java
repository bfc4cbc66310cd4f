package org.bms.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Currency;
import org.bms.validation.Violations;

/** What a client sends to open an account. Read-only account fields are accepted and ignored. */
@JsonIgnoreProperties(value = {"id", "status", "createdAt", "updatedAt", "version"})
public record CreateAccountRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Holder name, 1–100 characters, no control characters",
                example = "John Doe")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Account number or IBAN; spaces are removed and letters upper-cased",
                example = "DE89 3704 0044 0532 0130 00")
        String number,

        @Schema(
                types = {"number", "string"},
                description = "Opening balance, exact at the currency's scale; a number or a decimal string",
                example = "1000.50",
                defaultValue = "0")
        BigDecimal balance,

        @Schema(description = "ISO 4217 code; defaults to bms.default-currency", example = "USD")
        String currency) {

    /** The request's values, checked once: a 400 naming every bad field. */
    NewAccount validated(Currency defaultCurrency) {
        var violations = new Violations();
        HolderName checkedName = violations.check("name", () -> HolderName.parse(name));
        AccountNumber checkedNumber = violations.check("number", () -> AccountNumber.parse(number));
        Currency checkedCurrency =
                currency == null ? defaultCurrency : violations.check("currency", () -> Money.currency(currency));
        Money opening = checkedCurrency == null
                ? null
                : violations.check(
                        "balance", () -> Money.of(balance == null ? BigDecimal.ZERO : balance, checkedCurrency));
        violations.throwIfAny();
        return new NewAccount(checkedName, checkedNumber, opening);
    }

    /** An account to open, its values checked. */
    record NewAccount(HolderName name, AccountNumber number, Money openingBalance) {}
}
