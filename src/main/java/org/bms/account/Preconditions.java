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
    public static final Preconditions NONE = new Preconditions(Header.ANY, Header.NONE);

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");

    /** Reads both headers, either of which may be absent; a malformed one is invalid input. */
    public static Preconditions of(String ifMatch, String ifNoneMatch) {
        return new Preconditions(
                Header.parse("If-Match", ifMatch, Header.ANY, true),
                Header.parse("If-None-Match", ifNoneMatch, Header.NONE, false));
    }

    /** The ETag of an account at a version. */
    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses the write unless the account's current version meets both conditions, If-Match first (§13.2.2). */
    void check(long id, long currentVersion) {
        String version = Long.toString(currentVersion);
        if (!ifMatch.any() && !ifMatch.tags().contains(version)) {
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

    /** One precondition header: {@code *} (any version), or the versions its entity tags name. */
    public record Header(boolean any, Set<String> tags) {

        static final Header ANY = new Header(true, Set.of());
        static final Header NONE = new Header(false, Set.of());

        /** An absent header is {@code absent}; with {@code strongOnly}, weak tags ({@code W/"3"}) name nothing. */
        static Header parse(String name, String value, Header absent, boolean strongOnly) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            if (value.strip().equals("*")) {
                return ANY;
            }
            Set<String> tags = new LinkedHashSet<>();
            Matcher matcher = ENTITY_TAG.matcher(value);
            int position = 0;
            while (position < value.length()) {
                if (!matcher.find(position) || matcher.start() != position) {
                    throw InvalidInputException.of(name, "must be * or a list of entity tags such as \"3\"");
                }
                if (matcher.group(1) == null || !strongOnly) {
                    tags.add(matcher.group(2));
                }
                position = matcher.end();
            }
            return new Header(false, Set.copyOf(tags));
        }
    }
}
