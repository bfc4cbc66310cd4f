package org.bms.account;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bms.validation.InvalidInputException;

/**
 * The {@code If-Match} precondition of a write (RFC 9110 §13.1.1). Account ETags are the quoted version,
 * {@code "3"}; comparison is strong, so weak tags never match.
 */
public record IfMatch(boolean anyVersion, Set<String> tags) {

    private static final IfMatch NONE = new IfMatch(true, Set.of());
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");

    /** Parses the header; absent or {@code *} accepts any current version. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return NONE;
        }
        Set<String> strongTags = new LinkedHashSet<>();
        Matcher matcher = ENTITY_TAG.matcher(header);
        int position = 0;
        while (position < header.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw InvalidInputException.of("If-Match", "must be * or a list of entity tags such as \"3\"");
            }
            if (matcher.group(1) == null) {
                strongTags.add(matcher.group(2));
            }
            position = matcher.end();
        }
        return new IfMatch(false, Set.copyOf(strongTags));
    }

    /** The ETag of an account at a version. */
    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    boolean matches(long currentVersion) {
        return anyVersion || tags.contains(Long.toString(currentVersion));
    }
}
