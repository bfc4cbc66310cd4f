package org.bms.validation;

/** Thrown by a value type's factory when the raw input cannot become that value. */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String message) {
        super(message);
    }
}
