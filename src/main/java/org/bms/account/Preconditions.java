package org.bms.account;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bms.validation.InvalidInputException;
import org.springframework.http.ETag;

/**
 * The preconditions of a write (RFC 9110 §13.1), checked against the account's version in the write's own
 * transaction. Account ETags are the quoted version, {@code "3"}. {@code If-Match} compares strongly, so a weak tag
 * never matches; {@code If-None-Match} compares weakly, and its {@code *} refuses every write, as the account
 * exists. An absent header (an empty list) sets no condition.
 */
public record Preconditions(List<ETag> ifMatch, List<ETag> ifNoneMatch) {

    /** No precondition: any current version may be written. */
    public static final Preconditions NONE = new Preconditions(List.of(), List.of());

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    /** Reads both headers, either of which may be absent; a malformed one is invalid input. */
    public static Preconditions of(String ifMatch, String ifNoneMatch) {
        return new Preconditions(parse("If-Match", ifMatch), parse("If-None-Match", ifNoneMatch));
    }

    /** The ETag of an account at a version. */
    public static String etagOf(long version) {
        return versionTag(version).formattedTag();
    }

    /** Refuses the write unless the account's current version meets both conditions, If-Match first (§13.2.2). */
    void check(long id, long currentVersion) {
        ETag current = versionTag(currentVersion);
        if (!ifMatch.isEmpty() && ifMatch.stream().noneMatch(tag -> tag.isWildcard() || tag.compare(current, true))) {
            throw new StaleVersionException(id, currentVersion);
        }
        if (ifNoneMatch.stream().anyMatch(ETag::isWildcard)) {
            throw new PreconditionFailedException("Account " + id + " exists; If-None-Match: * allows no write to it");
        }
        if (ifNoneMatch.stream().anyMatch(tag -> tag.compare(current, false))) {
            throw new PreconditionFailedException(
                    "Account " + id + " is at version " + currentVersion + ", which If-None-Match rules out");
        }
    }

    private static ETag versionTag(long version) {
        return new ETag(Long.toString(version), false);
    }

    /**
     * {@code *} or a list of entity tags, as Spring reads them. Spring skips what it cannot read, so a header is
     * well-formed only when the tags it read, written back, are the whole header (white space aside).
     */
    private static List<ETag> parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<ETag> tags = ETag.parse(value);
        String read = tags.stream().map(ETag::formattedTag).collect(Collectors.joining(","));
        boolean starInAList = tags.size() > 1 && tags.stream().anyMatch(ETag::isWildcard);
        if (tags.isEmpty()
                || starInAList
                || !read.equals(WHITESPACE.matcher(value).replaceAll(""))) {
            throw InvalidInputException.of(name, "must be * or a list of entity tags such as \"3\"");
        }
        return tags;
    }
}
