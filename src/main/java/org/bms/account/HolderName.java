package org.bms.account;

import org.bms.validation.BidiControls;
import org.bms.validation.ControlCharacters;
import org.bms.validation.InvalidValueException;

/**
 * The account holder's name: 1 to 100 characters after trimming, with no control characters, so it can
 * travel safely into logs, mail headers and terminals. Trimming takes every kind of space (no-break and
 * ideographic ones too), and a name of nothing but spaces and invisible format characters is blank. Bidi
 * controls, which could make it read as something else, are refused. Anything else, emoji and right-to-left
 * scripts included, is kept verbatim.
 */
public record HolderName(String value) {

    static final int MAX_LENGTH = 100;

    public static HolderName parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        if (ControlCharacters.in(raw)) {
            throw new InvalidValueException(ControlCharacters.REFUSED);
        }
        if (BidiControls.in(raw)) {
            throw new InvalidValueException(BidiControls.REFUSED);
        }
        String trimmed = trim(raw);
        if (trimmed.codePoints().allMatch(HolderName::isInvisible)) {
            throw new InvalidValueException("must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        return new HolderName(trimmed);
    }

    /** The text without the spaces of any kind around it, as names are stored and searched. */
    static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isSpace(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        return raw.substring(start, end);
    }

    /** Java's own {@code strip()} leaves the no-break spaces (U+00A0, U+2007, U+202F) in place. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isInvisible(int codePoint) {
        return isSpace(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    @Override
    public String toString() {
        return value;
    }
}
