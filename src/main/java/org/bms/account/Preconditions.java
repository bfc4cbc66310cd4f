package org.bms.account;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bms.validation.InvalidInputException;

/**
 * The preconditions of a write (RFC 9110 §13.1), checked against the account's version in the write's own
 * transaction. Account ETags are the quoted version, {@code "3"}. {@code If-Match} compares strongly, so a weak tag
 * never matches; {@code If-None-Match} compares weakly, and its {@code *} refuses every write, as the account
 * exists.
 */
public record Preconditions(Header ifMatch, Header ifNoneMatch) {

    /** No precondition: any current version may be written. */
    public static final Preconditions NONE = new Preconditions(Header.ABSENT, Header.ABSENT);

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");

    /** Reads both headers, either of which may be absent; a malformed one is invalid input. */
    public static Preconditions of(String ifMatch, String ifNoneMatch) {
        return new Preconditions(Header.parse("If-Match", ifMatch), Header.parse("If-None-Match", ifNoneMatch));
    }

    /** The ETag of an account at a version. */
    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses the write unless the account's current version meets both conditions, If-Match first (§13.2.2). */
    void check(long id, long currentVersion) {
        String version = Long.toString(currentVersion);
        if (ifMatch.present() && !ifMatch.any() && !ifMatch.strongTags().contains(version)) {
            throw new StaleVersionException(id, currentVersion);
        }
        if (ifNoneMatch.any()) {
            throw new PreconditionFailedException("Account " + id + " exists; If-None-Match: * allows no write to it");
        }
        if (ifNoneMatch.tags().contains(version)) {
            throw new PreconditionFailedException(
                    "Account " + id + " is at version " + currentVersion + ", which If-None-Match rules out");
        }
    }

    /**
     * One precondition header: absent, {@code *}, or a list of entity tags, kept by their opaque value: all of
     * them, and the strong ones apart.
     */
    public record Header(boolean present, boolean any, Set<String> tags, Set<String> strongTags) {

        static final Header ABSENT = new Header(false, false, Set.of(), Set.of());

        static Header parse(String name, String value) {
            if (value == null || value.isBlank()) {
                return ABSENT;
            }
            if (value.strip().equals("*")) {
                return new Header(true, true, Set.of(), Set.of());
            }
            Set<String> tags = new LinkedHashSet<>();
            Set<String> strongTags = new LinkedHashSet<>();
            Matcher matcher = ENTITY_TAG.matcher(value);
            int position = 0;
            while (position < value.length()) {
                if (!matcher.find(position) || matcher.start() != position) {
                    throw InvalidInputException.of(name, "must be * or a list of entity tags such as \"3\"");
                }
                tags.add(matcher.group(2));
                if (matcher.group(1) == null) {
                    strongTags.add(matcher.group(2));
                }
                position = matcher.end();
            }
            return new Header(true, false, Set.copyOf(tags), Set.copyOf(strongTags));
        }
    }
}
