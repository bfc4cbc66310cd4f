package org.bms.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bms.support.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FedRatesParserTest {

    private final FedRatesParser parser = new FedRatesParser();

    @Test
    void eachSeriesIsTakenFromTheLatestDayThatHasAValue() {
        assertThat(parser.parse(Fixtures.page("fed.html")))
                .containsExactly(
                        new RateQuote("Federal funds (effective)", new BigDecimal("3.88"), LocalDate.of(2025, 11, 21)),
                        new RateQuote("3-month Treasury bill", new BigDecimal("3.77"), LocalDate.of(2025, 11, 21)),
                        new RateQuote(
                                "10-year Treasury constant maturity",
                                new BigDecimal("4.09"),
                                LocalDate.of(2025, 11, 20)));
    }

    @Test
    void newDaysExtraRowsWhitespaceAndAWeeklyAverageColumnAreReadToo() {
        assertThat(parser.parse(Fixtures.page("fed-variant.html")))
                .containsExactly(
                        new RateQuote("Federal funds (effective)", new BigDecimal("3.62"), LocalDate.of(2026, 1, 7)),
                        new RateQuote("3-month Treasury bill", new BigDecimal("3.57"), LocalDate.of(2026, 1, 6)),
                        new RateQuote(
                                "10-year Treasury constant maturity",
                                new BigDecimal("4.05"),
                                LocalDate.of(2026, 1, 7)));
    }

    @Test
    void aTableWithoutTheSeriesIsMalformed() {
        String page = Fixtures.text("fed.html").replace("Federal funds (effective)", "Overnight bank funding");
        assertThatThrownBy(() -> parser.parse(Jsoup.parse(page))).isInstanceOf(MalformedPageException.class);
    }
}
