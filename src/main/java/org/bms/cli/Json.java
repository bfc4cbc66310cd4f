package org.bms.cli;

import java.math.BigDecimal;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client's JSON mapper. Amounts stay {@link java.math.BigDecimal} with the scale the service wrote: {@code
 * 1000.00} is read and written back as {@code 1000.00}, never through {@code double} nor as {@code 1E+3}.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {}

    /** The body of a create or an update; the currency is left out when not given. */
    static ObjectNode account(String name, String number, BigDecimal balance, String currency) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("name", name);
        body.put("number", number);
        body.put("balance", balance);
        if (currency != null) {
            body.put("currency", currency);
        }
        return body;
    }
}
