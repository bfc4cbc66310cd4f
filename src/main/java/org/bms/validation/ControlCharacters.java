package org.bms.validation;

/**
 * Characters that free text the bank stores must not hold: control characters (CR, LF, NUL …), line and
 * paragraph separators, lone surrogates and what is not a code point. Text without them stays on one line in
 * logs, mail headers and terminals.
 */
public final class ControlCharacters {

    /** The reason a value with one is refused, in the words of a violation. */
    public static final String REFUSED = "must not contain control characters or line breaks";

    private ControlCharacters() {}

    public static boolean in(String text) {
        return text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED && !Character.isValidCodePoint(codePoint);
    }
}
