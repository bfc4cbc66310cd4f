package org.bms.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bms.support.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class EcbRatesParserTest {

    private final EcbRatesParser parser = new EcbRatesParser();

    @Test
    void theLatestRowOfTheHistoryTableIsInForce() {
        List<RateQuote> rates = parser.parse(Fixtures.page("ecb.html"));

        LocalDate june11 = LocalDate.of(2025, 6, 11);
        assertThat(rates)
                .containsExactly(
                        new RateQuote("Deposit facility", new BigDecimal("2.00"), june11),
                        new RateQuote("Main refinancing operations", new BigDecimal("2.15"), june11),
                        new RateQuote("Marginal lending facility", new BigDecimal("2.40"), june11));
    }

    @Test
    void aNewerRowOddWhitespaceSpannedYearsAndAnExtraColumnAreReadToo() {
        List<RateQuote> rates = parser.parse(Fixtures.page("ecb-variant.html"));

        LocalDate february4 = LocalDate.of(2026, 2, 4);
        assertThat(rates)
                .containsExactly(
                        new RateQuote("Deposit facility", new BigDecimal("-0.25"), february4),
                        new RateQuote("Main refinancing operations", new BigDecimal("1.40"), february4),
                        new RateQuote("Marginal lending facility", new BigDecimal("1.65"), february4));
    }

    @Test
    void whereNoFixedRateAppliesTheMinimumBidRateIsTheMainRate() {
        String page = Fixtures.text("ecb.html")
                .replace(
                        "<tr><td>2025</td><td>11 Jun.</td>",
                        "<tr><td>2026</td><td>1 Jul.</td><td>1.00</td><td>-</td>"
                                + "<td>1.20</td><td>1.50</td></tr><tr><td>2025</td><td>11 Jun.</td>");

        List<RateQuote> rates = parser.parse(Jsoup.parse(page));

        assertThat(rates.get(1).ratePercent()).isEqualByComparingTo("1.20");
        assertThat(rates.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aYearWrittenOnlyOnItsFirstRowCarriesToTheRowsBelow() {
        String page = Fixtures.text("ecb.html").replaceAll("(?s)<tbody>.*</tbody>", """
                        <tbody>
                          <tr><td>2025</td><td>12 Mar.</td><td>2.50</td><td>2.65</td><td>-</td><td>2.90</td></tr>
                          <tr><td>23 Apr.</td><td>2.25</td><td>2.40</td><td>-</td><td>2.65</td></tr>
                          <tr><td>11 Jun.</td><td>2.00</td><td>2.15</td><td>-</td><td>2.40</td></tr>
                        </tbody>""");

        RateQuote deposit = parser.parse(Jsoup.parse(page)).get(0);

        assertThat(deposit.effectiveDate()).isEqualTo(LocalDate.of(2025, 6, 11));
        assertThat(deposit.ratePercent()).isEqualByComparingTo("2.00");
    }

    @Test
    void aPageWithoutTheTableIsMalformed() {
        assertThatThrownBy(() -> parser.parse(Jsoup.parse("<html><body><p>Maintenance</p></body></html>")))
                .isInstanceOf(MalformedPageException.class);
    }
}
