package org.bms.rates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML table as a grid of cleaned cell texts: row and column spans are expanded, footnote marks
 * ({@code <sup>}) dropped, non-breaking spaces and runs of whitespace folded, and U+2212 read as a minus.
 */
final class PageTable {

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?");
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM")
            .toFormatter(Locale.ENGLISH);

    /** Far more than any real rate table; spans that would expand past it mark a hostile page. */
    private static final int MAX_CELLS = 100_000;

    private final List<List<String>> header;
    private final List<List<String>> body;

    private PageTable(List<List<String>> header, List<List<String>> body) {
        this.header = header;
        this.body = body;
    }

    /** The first table whose header rows mention every one of {@code words}, ignoring case. */
    static Optional<PageTable> find(Document page, String... words) {
        for (Element table : page.select("table")) {
            PageTable grid = of(table);
            String headerText = String.join(
                            " ", grid.header.stream().flatMap(List::stream).toList())
                    .toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= headerText.contains(word.toLowerCase(Locale.ROOT));
            }
            if (all && !grid.body.isEmpty()) {
                return Optional.of(grid);
            }
        }
        return Optional.empty();
    }

    static PageTable of(Element table) {
        Map<Integer, Map<Integer, String>> cells = new HashMap<>();
        long expanded = 0;
        List<Boolean> headerRows = new ArrayList<>();
        List<Element> rows = table.select("tr").stream()
                .filter(row -> row.closest("table") == table)
                .toList();
        for (int r = 0; r < rows.size(); r++) {
            Element row = rows.get(r);
            List<Element> rowCells = row.children().stream()
                    .filter(cell -> cell.nameIs("td") || cell.nameIs("th"))
                    .toList();
            headerRows.add(row.closest("thead") != null
                    || !rowCells.isEmpty() && rowCells.stream().allMatch(cell -> cell.nameIs("th")));
            int column = 0;
            for (Element cell : rowCells) {
                Map<Integer, String> current = cells.computeIfAbsent(r, k -> new HashMap<>());
                while (current.containsKey(column)) {
                    column++;
                }
                String text = clean(cell);
                int rowSpan = Math.min(span(cell, "rowspan"), rows.size() - r);
                int colSpan = Math.min(span(cell, "colspan"), 1000);
                expanded += (long) rowSpan * colSpan;
                if (expanded > MAX_CELLS) {
                    throw new MalformedPageException("the table spans more than " + MAX_CELLS + " cells");
                }
                for (int dr = 0; dr < rowSpan && r + dr < rows.size(); dr++) {
                    for (int dc = 0; dc < colSpan; dc++) {
                        cells.computeIfAbsent(r + dr, k -> new HashMap<>()).put(column + dc, text);
                    }
                }
                column += colSpan;
            }
        }
        List<List<String>> header = new ArrayList<>();
        List<List<String>> body = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<Integer, String> row = cells.getOrDefault(r, Map.of());
            int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            List<String> texts = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                texts.add(row.getOrDefault(c, ""));
            }
            if (texts.stream().allMatch(String::isEmpty)) {
                continue;
            }
            (headerRows.get(r) ? header : body).add(texts);
        }
        return new PageTable(header, body);
    }

    /** Column labels: the header texts of each column, top to bottom, joined. */
    List<String> columnLabels() {
        int width = header.stream().mapToInt(List::size).max().orElse(0);
        List<String> labels = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            var label = new StringBuilder();
            String previous = null;
            for (List<String> row : header) {
                String text = c < row.size() ? row.get(c) : "";
                if (!text.isEmpty() && !text.equals(previous)) {
                    label.append(label.isEmpty() ? "" : " ").append(text);
                }
                previous = text;
            }
            labels.add(label.toString());
        }
        return labels;
    }

    List<List<String>> body() {
        return body;
    }

    /** The rate at the start of a cell ({@code "-0.50"}, {@code "2.15 (3)"}), or empty for {@code "-"}, "n.a." … */
    static Optional<BigDecimal> rate(String cell) {
        Matcher number = NUMBER.matcher(cell.replace(" ", ""));
        return number.find() ? Optional.of(new BigDecimal(number.group())) : Optional.empty();
    }

    /** The month an English name such as {@code Jun.}, {@code June} or {@code SEP} starts with. */
    static Optional<Month> month(String name) {
        try {
            return Optional.of(MONTH.parse(name.substring(0, Math.min(3, name.length())), Month::from));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String clean(Element cell) {
        Element copy = cell.clone();
        copy.select("sup").remove();
        return copy.text()
                .replace('\u00a0', ' ')
                .replace('\u2212', '-')
                .replace('\u2013', '-')
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static int span(Element cell, String attribute) {
        try {
            return Math.max(1, Integer.parseInt(cell.attr(attribute).strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
