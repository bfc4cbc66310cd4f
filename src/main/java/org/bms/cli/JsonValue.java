package org.bms.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read by {@link Json#read}, and the way to walk it: {@link #path} to a field that is absent, or
 * through something that is not an object, gives {@link #NONE} (as JSON {@code null}), never a Java null.
 *
 * @param value a {@code Map<String, Object>}, {@code List<Object>}, {@link String}, {@link BigDecimal},
 *     {@link Boolean}, or null
 */
record JsonValue(Object value) {

    /** No value: an absent field, or JSON {@code null}. */
    static final JsonValue NONE = new JsonValue(null);

    /** The named field of an object. */
    JsonValue path(String field) {
        return new JsonValue(value instanceof Map<?, ?> object ? object.get(field) : null);
    }

    /** The elements of an array, or the field values of an object; empty for anything else. */
    List<JsonValue> values() {
        Iterable<?> elements = value instanceof List<?> array
                ? array
                : value instanceof Map<?, ?> object ? object.values() : List.of();
        List<JsonValue> values = new ArrayList<>();
        for (Object element : elements) {
            values.add(new JsonValue(element));
        }
        return values;
    }

    /**
     * A scalar as a person reads it: a number exactly as the service wrote it ({@code 1000.00}), null as empty.
     * Objects and arrays have no such text; walk them with {@link #path} and {@link #values}.
     */
    String text() {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /** A string field, or the fallback when absent, null or not a string. */
    String text(String fallback) {
        return value instanceof String text ? text : fallback;
    }

    /** A number, or null when this is not one. */
    BigDecimal decimal() {
        return value instanceof BigDecimal number ? number : null;
    }

    /** A whole number, or 0 when absent or not a number. */
    long asLong() {
        return value instanceof BigDecimal number ? number.longValue() : 0;
    }

    boolean isTrue() {
        return Boolean.TRUE.equals(value);
    }
}
