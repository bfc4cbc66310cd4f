package org.bms.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

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
        String currency) {}
