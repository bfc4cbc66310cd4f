package org.bms.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of one request so the client learns about every bad field at once, not one
 * per round trip.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Parses one field; a failure is recorded against the field and {@code null} is returned. */
    public <T> T check(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            found.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
