package org.bms.rates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * The ECB's "Key ECB interest rates" page: one history table, newest change first, with the date in one or
 * two cells (a year, written on every row, on a year's first row only, or spanning rows, then a day and
 * month such as {@code 11 Jun.}) followed by the deposit facility, the main refinancing operations (fixed
 * rate and minimum bid rate, {@code -} where not applicable) and the marginal lending facility.
 */
@Component
class EcbRatesParser implements RatesParser {

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})\\s*([A-Za-z]{3,9})\\.?");

    @Override
    public String source() {
        return "ecb";
    }

    @Override
    public List<RateQuote> parse(Document page) {
        PageTable table = PageTable.find(page, "deposit facility", "main refinancing", "marginal lending")
                .orElseThrow(() -> new MalformedPageException("no table of key ECB interest rates"));
        List<String> labels = table.columnLabels();
        int deposit = column(labels, "deposit facility");
        int fixed = column(labels, "fixed rate");
        int minimumBid = column(labels, "minimum bid");
        int marginal = column(labels, "marginal lending");
        if (deposit < 0 || marginal < 0 || fixed < 0 && minimumBid < 0) {
            throw new MalformedPageException("the ECB table lacks a rate column: " + labels);
        }
        int firstRateColumn = minPositive(deposit, fixed, minimumBid, marginal);

        List<Change> changes = new ArrayList<>();
        Integer year = null;
        for (List<String> row : table.body()) {
            // Rows that leave out a year they share with the row above are one cell short: align on the right.
            int offset = labels.size() - row.size();
            String dateText = String.join(" ", row.subList(0, Math.max(0, firstRateColumn - offset)));
            Matcher yearMatch = YEAR.matcher(dateText);
            if (yearMatch.find()) {
                year = Integer.parseInt(yearMatch.group());
                dateText = dateText.substring(0, yearMatch.start()) + dateText.substring(yearMatch.end());
            }
            Optional<LocalDate> date = date(year, dateText);
            Optional<BigDecimal> depositRate = cell(row, deposit, offset).flatMap(PageTable::rate);
            Optional<BigDecimal> marginalRate = cell(row, marginal, offset).flatMap(PageTable::rate);
            Optional<BigDecimal> mainRate = cell(row, fixed, offset)
                    .flatMap(PageTable::rate)
                    .or(() -> cell(row, minimumBid, offset).flatMap(PageTable::rate));
            if (date.isPresent() && depositRate.isPresent() && marginalRate.isPresent() && mainRate.isPresent()) {
                changes.add(new Change(date.get(), depositRate.get(), mainRate.get(), marginalRate.get()));
            }
        }
        Change latest = changes.stream()
                .max(Comparator.comparing(Change::date))
                .orElseThrow(() -> new MalformedPageException("the ECB table has no readable row"));
        return List.of(
                new RateQuote("Deposit facility", latest.deposit(), latest.date()),
                new RateQuote("Main refinancing operations", latest.main(), latest.date()),
                new RateQuote("Marginal lending facility", latest.marginal(), latest.date()));
    }

    private record Change(LocalDate date, BigDecimal deposit, BigDecimal main, BigDecimal marginal) {}

    private static Optional<LocalDate> date(Integer year, String dayMonth) {
        Matcher match = DAY_MONTH.matcher(dayMonth);
        if (year == null || !match.find()) {
            return Optional.empty();
        }
        try {
            return PageTable.month(match.group(2))
                    .map(month -> LocalDate.of(year, month, Integer.parseInt(match.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cell(List<String> row, int column, int offset) {
        int index = column - offset;
        return column < 0 || index < 0 || index >= row.size() ? Optional.empty() : Optional.of(row.get(index));
    }

    private static int column(List<String> labels, String words) {
        for (int c = labels.size() - 1; c >= 0; c--) {
            if (labels.get(c).toLowerCase(Locale.ROOT).contains(words)) {
                return c;
            }
        }
        return -1;
    }

    private static int minPositive(int... columns) {
        int min = Integer.MAX_VALUE;
        for (int column : columns) {
            if (column >= 0) {
                min = Math.min(min, column);
            }
        }
        return min;
    }
}
