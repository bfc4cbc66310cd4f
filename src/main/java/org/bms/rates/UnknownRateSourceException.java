package org.bms.rates;

import java.util.Set;
import java.util.TreeSet;

/** The request names a source the service does not read. */
public class UnknownRateSourceException extends RuntimeException {

    private final Set<String> known;

    public UnknownRateSourceException(String source, Set<String> known) {
        super("Unknown rate source '" + (source.length() > 32 ? source.substring(0, 32) + "…" : source)
                + "'; valid sources are " + new TreeSet<>(known));
        this.known = new TreeSet<>(known);
    }

    public Set<String> known() {
        return known;
    }
}
