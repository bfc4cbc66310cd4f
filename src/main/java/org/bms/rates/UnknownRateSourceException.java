package org.bms.rates;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bms.validation.Violation;
import org.bms.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The request names a source the service does not read. */
public class UnknownRateSourceException extends ProblemException {

    private final Set<String> known;

    public UnknownRateSourceException(String source, Set<String> known) {
        super(
                HttpStatus.BAD_REQUEST,
                "unknown-rate-source",
                "Unknown rate source",
                "Unknown rate source '" + (source.length() > 32 ? source.substring(0, 32) + "…" : source)
                        + "'; valid sources are " + new TreeSet<>(known));
        this.known = new TreeSet<>(known);
        getBody().setProperty("errors", List.of(new Violation("source", "must be one of " + this.known)));
        getBody().setProperty("validSources", this.known);
    }

    public Set<String> known() {
        return known;
    }
}
