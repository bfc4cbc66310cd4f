package org.bms.cli;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON for the client on Jackson's streaming parser and generator alone: data binding would more than double the
 * time a command takes to start. Objects are read into ordered maps, arrays into lists, and every number into a
 * {@link BigDecimal} with the scale the service wrote: {@code 1000.00} is read and written back as {@code 1000.00},
 * never through {@code double} nor as {@code 1E+3}.
 *
 * <p>Kept rather than jackson-jr (issue 15, tried in f19cfa7): on the same streaming core it loads 41 more classes
 * into every command that reads or writes JSON. The first read of an account in a fresh JVM took 172 ms instead of
 * 125 ms (median of 20 interleaved runs each; 141 against 107 at best), and commands against a service used about
 * 30-40 ms more CPU (create 716 to 748 ms, a 404 745 to 786 ms) — on a command that takes 0.4-0.5 s on a small
 * machine, the rest of the room under 0.5 s, for 20 fewer lines: the body builders, the tree walk
 * ({@link JsonValue}) and the exactness guards stay either way.
 */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {}

    /** The body of a create or an update; the currency is left out when not given. */
    static Map<String, Object> account(String name, String number, BigDecimal balance, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("number", number);
        body.put("balance", balance);
        if (currency != null) {
            body.put("currency", currency);
        }
        return body;
    }

    /** The body of a deposit or a withdrawal; the reference is left out when not given. */
    static Map<String, Object> cash(BigDecimal amount, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        return withReference(body, reference);
    }

    /** The body of a transfer; the reference is left out when not given. */
    static Map<String, Object> transfer(long from, long to, BigDecimal amount, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", BigDecimal.valueOf(from));
        body.put("to", BigDecimal.valueOf(to));
        body.put("amount", amount);
        return withReference(body, reference);
    }

    /** The body of a reversal: {@code {}}, or the reference alone. */
    static Map<String, Object> reversal(String reference) {
        return withReference(new LinkedHashMap<>(), reference);
    }

    private static Map<String, Object> withReference(Map<String, Object> body, String reference) {
        if (reference != null) {
            body.put("reference", reference);
        }
        return body;
    }

    /** One JSON document; text that is not exactly one JSON value is a {@link JacksonException}. */
    static JsonValue read(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            parser.nextToken();
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new StreamReadException(parser, "Trailing content after the JSON value");
            }
            return new JsonValue(value);
        }
    }

    private static Object value(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new StreamReadException(parser, "No JSON value");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new StreamReadException(parser, "Unexpected " + token);
        };
    }

    /**
     * A value as JSON text: a request body, or what {@link #read} gave. Maps with string keys, lists, strings,
     * {@link BigDecimal}s, booleans and null; anything else (a {@code double}, say) is a programming error.
     */
    static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
            write(generator, value);
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, Object value) {
        if (value instanceof JsonValue wrapped) {
            write(generator, wrapped.value());
        } else if (value instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                generator.writeName(String.valueOf(member.getKey()));
                write(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> array) {
            generator.writeStartArray();
            for (Object element : array) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == null) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException(
                    "Not a JSON value: " + value.getClass().getName());
        }
    }
}
