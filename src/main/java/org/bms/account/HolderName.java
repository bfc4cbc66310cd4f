package org.bms.account;

import org.bms.validation.InvalidValueException;

/**
 * The account holder's name: 1 to 100 characters after trimming, with no control characters, so it can
 * travel safely into logs, mail headers and terminals. Anything else, emoji and right-to-left scripts
 * included, is kept verbatim.
 */
public record HolderName(String value) {

    static final int MAX_LENGTH = 100;

    public static HolderName parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        if (raw.codePoints().anyMatch(HolderName::isForbidden)) {
            throw new InvalidValueException("must not contain control characters or line breaks");
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException("must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        return new HolderName(trimmed);
    }

    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED && !Character.isValidCodePoint(codePoint);
    }

    @Override
    public String toString() {
        return value;
    }
}
