package org.bms.rates;

import java.util.List;
import org.jsoup.nodes.Document;

/** Reads one source's page. Implementations find their table by its header text, never by position or id. */
interface RatesParser {

    /** The name requests use for this source, e.g. {@code ecb}. */
    String source();

    /** The rates in force, or {@link MalformedPageException} when the page does not hold them. */
    List<RateQuote> parse(Document page);
}
