package org.bms.account;

import org.bms.validation.BidiControls;
import org.bms.validation.ControlCharacters;
import org.bms.validation.InvalidValueException;

/**
 * What a movement is for, as the client wrote it: 0 to 140 characters, kept verbatim, without control characters
 * or bidi controls, so it travels safely into statements, logs and terminals.
 */
public record Reference(String value) {

    static final int MAX_LENGTH = 140;

    /** The reference, or {@code null} when none was given. */
    public static Reference parse(String raw) {
        if (raw == null) {
            return null;
        }
        if (ControlCharacters.in(raw)) {
            throw new InvalidValueException(ControlCharacters.REFUSED);
        }
        if (BidiControls.in(raw)) {
            throw new InvalidValueException(BidiControls.REFUSED);
        }
        if (raw.codePointCount(0, raw.length()) > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        return new Reference(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
