package org.bms.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

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
        String currency) {}
