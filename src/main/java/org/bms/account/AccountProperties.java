package org.bms.account;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param defaultCurrency the currency of accounts opened without one ({@code bms.default-currency})
 */
@ConfigurationProperties("bms")
public record AccountProperties(@DefaultValue("USD") Currency defaultCurrency) {

    public AccountProperties {
        if (defaultCurrency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    "bms.default-currency " + defaultCurrency + " has no minor unit, so it cannot hold balances");
        }
    }
}
