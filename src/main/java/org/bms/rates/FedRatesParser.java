package org.bms.rates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * The Federal Reserve's H.15 "Selected Interest Rates" release: a table of instruments by row and business
 * days by column ({@code 2025 Nov 21}), with section rows ("Treasury bills (secondary market)", "Treasury
 * constant maturities", "Nominal") that give the plain maturity rows below them their meaning, and
 * {@code n.a.} where a day has no value. Each rate is taken from the latest day that has one.
 */
@Component
class FedRatesParser implements RatesParser {

    private static final Pattern DAY = Pattern.compile("((?:19|20)\\d{2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{1,2})");

    @Override
    public String source() {
        return "fed";
    }

    @Override
    public List<RateQuote> parse(Document page) {
        PageTable table = PageTable.find(page, "instruments")
                .orElseThrow(() -> new MalformedPageException("no H.15 table of instruments"));
        Map<Integer, LocalDate> days = days(table.columnLabels());
        if (days.isEmpty()) {
            throw new MalformedPageException("the H.15 table has no dated columns");
        }
        List<RateQuote> quotes = new ArrayList<>();
        String section = "";
        String subsection = "";
        boolean fedFunds = false;
        boolean bill = false;
        boolean constantMaturity = false;
        for (List<String> row : table.body()) {
            String name = instrument(row.get(0));
            Optional<Latest> latest = latest(row, days);
            if (latest.isEmpty()) {
                // A row without values heads the rows below it.
                if (startsWith(name, "treasury") || startsWith(name, "commercial") || startsWith(name, "u.s.")) {
                    section = name;
                    subsection = "";
                } else {
                    subsection = name;
                }
                continue;
            }
            if (!fedFunds && startsWith(name, "federal funds (effective)")) {
                quotes.add(latest.get().quote("Federal funds (effective)"));
                fedFunds = true;
            } else if (!bill && startsWith(section, "treasury bills") && startsWith(name, "3-month")) {
                quotes.add(latest.get().quote("3-month Treasury bill"));
                bill = true;
            } else if (!constantMaturity
                    && startsWith(section, "treasury constant maturities")
                    && (subsection.isEmpty() || startsWith(subsection, "nominal"))
                    && startsWith(name, "10-year")) {
                quotes.add(latest.get().quote("10-year Treasury constant maturity"));
                constantMaturity = true;
            }
        }
        if (!fedFunds || !bill || !constantMaturity) {
            throw new MalformedPageException(
                    "the H.15 table lacks federal funds, the 3-month bill or the 10-year" + " constant maturity");
        }
        return List.copyOf(quotes);
    }

    private record Latest(BigDecimal rate, LocalDate day) {

        RateQuote quote(String name) {
            return new RateQuote(name, rate, day);
        }
    }

    private static Optional<Latest> latest(List<String> row, Map<Integer, LocalDate> days) {
        Latest latest = null;
        for (Map.Entry<Integer, LocalDate> day : days.entrySet()) {
            int column = day.getKey();
            if (column < row.size()) {
                Optional<BigDecimal> rate = PageTable.rate(row.get(column));
                if (rate.isPresent() && (latest == null || day.getValue().isAfter(latest.day()))) {
                    latest = new Latest(rate.get(), day.getValue());
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Map<Integer, LocalDate> days(List<String> labels) {
        Map<Integer, LocalDate> days = new LinkedHashMap<>();
        for (int c = 1; c < labels.size(); c++) {
            String label = labels.get(c).toLowerCase(Locale.ROOT);
            Matcher match = DAY.matcher(label);
            boolean average = label.contains("week") || label.contains("month") || label.contains("average");
            if (!average && match.find()) {
                try {
                    Optional<Month> month = PageTable.month(match.group(2));
                    if (month.isPresent()) {
                        int year = Integer.parseInt(match.group(1));
                        days.put(c, LocalDate.of(year, month.get(), Integer.parseInt(match.group(3))));
                    }
                } catch (DateTimeException e) {
                    // Not a day column (a weekly or monthly average, say).
                }
            }
        }
        return days;
    }

    /** The instrument's name without footnote numbers: "Federal funds (effective) 1 2 3" becomes its name. */
    private static String instrument(String cell) {
        return cell.replaceAll("(\\s+\\d+)+$", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(String text, String prefix) {
        return text.startsWith(prefix);
    }
}
