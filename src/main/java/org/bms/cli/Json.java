package org.bms.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.jr.ob.JSON;
import tools.jackson.jr.ob.JSONObjectException;
import tools.jackson.jr.ob.JacksonJrExtension;
import tools.jackson.jr.ob.api.ExtensionContext;
import tools.jackson.jr.ob.api.ReaderWriterProvider;
import tools.jackson.jr.ob.api.ValueWriter;
import tools.jackson.jr.ob.impl.JSONWriter;

/**
 * The client's JSON on jackson-jr, without data binding (which would more than double the time a command takes to
 * start). Objects are read into ordered maps, arrays into lists, whole numbers into {@code Integer}, {@code Long} or
 * {@code BigInteger}, and fractions into a {@link BigDecimal} with the scale the service wrote: {@code 1000.00} is
 * read and written back as {@code 1000.00}, never through {@code double} nor as {@code 1E+3}.
 */
final class Json {

    private static final JSON JACKSON_JR = JSON.builder(JsonFactory.builder()
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            // What was read is written back whole: `list --all --json` keeps the service's nulls.
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            // A repeated name is still JSON; like a map, the client keeps the last value.
            .disable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            // Maps, lists, strings, exact numbers, booleans and null: any other object is a programming error.
            .disable(JSON.Feature.HANDLE_JAVA_BEANS)
            .enable(JSON.Feature.FAIL_ON_UNKNOWN_TYPE_WRITE)
            .register(new JacksonJrExtension() {
                @Override
                protected void register(ExtensionContext context) {
                    context.insertProvider(new BinaryFloatingPointRefused());
                }
            })
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
        body.put("from", from);
        body.put("to", to);
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
        try (JsonParser parser = JACKSON_JR.createParser(text)) {
            Object value = JACKSON_JR.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new StreamReadException(parser, "Trailing content after the JSON value");
            }
            return new JsonValue(value);
        }
    }

    /**
     * A value as JSON text: a request body, or what {@link #read} gave. Maps with string keys, lists, strings,
     * whole numbers, {@link BigDecimal}s, booleans and null; anything else (a {@code double}, say) is refused.
     */
    static String write(Object value) {
        try {
            return JACKSON_JR.asString(value instanceof JsonValue wrapped ? wrapped.value() : value);
        } catch (JSONObjectException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** A {@code double} or {@code float} in a body would be an amount that is not exact: refused, not written. */
    private static final class BinaryFloatingPointRefused extends ReaderWriterProvider {

        @Override
        public ValueWriter findValueWriter(JSONWriter writeContext, Class<?> type) {
            if (type != Double.class && type != Float.class) {
                return null;
            }
            return new ValueWriter() {
                @Override
                public void writeValue(JSONWriter context, JsonGenerator generator, Object value) {
                    throw new IllegalArgumentException("Not an exact JSON number: "
                            + value.getClass().getName() + " " + value + "; use BigDecimal");
                }

                @Override
                public Class<?> valueType() {
                    return type;
                }
            };
        }
    }
}
