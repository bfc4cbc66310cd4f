package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.bms.validation.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest
    @CsvSource({"1000, 100000", "1000.5, 100050", "1000.50, 100050", "10.100, 1010", "0, 0", "1E+3, 100000"})
    void exactAmountsBecomeMinorUnits(String amount, long minorUnits) {
        assertThat(Money.of(new BigDecimal(amount), USD).minorUnits()).isEqualTo(minorUnits);
    }

    @Test
    void amountsAreShownAtTheCurrencyScale() {
        assertThat(Money.of(new BigDecimal("1000"), USD).amount().toString()).isEqualTo("1000.00");
        assertThat(Money.of(new BigDecimal("1E+3"), USD).amount().toString()).isEqualTo("1000.00");
        assertThat(Money.of(new BigDecimal("5"), JPY).amount().toString()).isEqualTo("5");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("10.101"), USD))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2 decimal places");
        assertThatThrownBy(() -> Money.of(new BigDecimal("5.5"), JPY)).hasMessageContaining("0 decimal places");
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("-0.01"), USD)).hasMessageContaining("negative");
    }

    @Test
    void theLargestBalanceIsAcceptedAndOneCentMoreIsNot() {
        assertThat(Money.of(new BigDecimal("999999999999999.99"), USD).minorUnits())
                .isEqualTo(99_999_999_999_999_999L);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1000000000000000.00"), USD))
                .hasMessageContaining("must not exceed");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1E+400"), USD)).hasMessageContaining("must not exceed");
    }

    @Test
    void aTinyFractionIsRefusedWithoutExpandingIt() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1E-999999999"), USD)).hasMessageContaining("decimal places");
    }

    @Test
    void aFourDecimalCurrencyThatWouldOverflowIsRefused() {
        Currency clf = Currency.getInstance("CLF");
        assertThatThrownBy(() -> Money.of(new BigDecimal("999999999999999"), clf))
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "EUR", "JPY"})
    void knownCurrencyCodesAreAcceptedInAnyCase(String code) {
        assertThat(Money.currency(code).getCurrencyCode()).isEqualTo(code.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "US", "USDD", "", "12A", "XAU"})
    void unknownOrUnitlessCurrenciesAreRefused(String code) {
        assertThatThrownBy(() -> Money.currency(code)).isInstanceOf(InvalidValueException.class);
    }
}
