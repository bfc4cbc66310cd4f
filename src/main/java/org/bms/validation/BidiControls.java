package org.bms.validation;

/**
 * Unicode's bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). In a name or a
 * reference they only serve to make text read differently from what it is ("Pay &lt;U+202E&gt;0001&lt;U+202C&gt;"
 * shows as "Pay 1000"), so free text the bank stores refuses them; right-to-left letters need none of them.
 */
public final class BidiControls {

    /** The reason a value with one is refused, in the words of a violation. */
    public static final String REFUSED =
            "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)";

    private BidiControls() {}

    public static boolean in(String text) {
        return text.codePoints().anyMatch(BidiControls::isControl);
    }

    private static boolean isControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }
}
