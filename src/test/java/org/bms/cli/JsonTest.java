package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/**
 * The client's JSON on jackson-jr: numbers keep the scale and every digit the service wrote, text and nulls come back
 * as they went, and nothing is written through binary floating point.
 */
class JsonTest {

    @Test
    void amountsKeepTheirScaleAndEveryDigit() {
        String text = "{\"usd\":1000.00,\"big\":999999999999999.99,\"yen\":5,\"tiny\":0.000001,"
                + "\"id\":9007199254740993,\"huge\":123456789012345678901234567890}";

        JsonValue amounts = Json.read(text);

        assertThat(amounts.path("usd").text()).isEqualTo("1000.00");
        assertThat(amounts.path("usd").decimal()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(amounts.path("big").text()).isEqualTo("999999999999999.99");
        assertThat(amounts.path("yen").text()).isEqualTo("5");
        assertThat(amounts.path("yen").decimal()).isEqualTo(new BigDecimal("5"));
        assertThat(amounts.path("tiny").decimal()).isEqualTo(new BigDecimal("0.000001"));
        assertThat(amounts.path("id").asLong()).isEqualTo(9007199254740993L);
        assertThat(amounts.path("huge").decimal()).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(amounts.path("name").decimal()).isNull();
        assertThat(Json.write(amounts)).isEqualTo(text);
    }

    @Test
    void valuesAreReadAndWrittenBackAsTheyCame() {
        String text = "{\"name\":\"J\\u00fcrgen \\\"JJ\\\" \\uD83D\\uDE00\",\"flags\":[true,false,null],"
                + "\"page\":{\"number\":2,\"totalPages\":10},\"reference\":null}";

        JsonValue value = Json.read(text);

        assertThat(value.path("name").text()).isEqualTo("Jürgen \"JJ\" \uD83D\uDE00");
        assertThat(value.path("flags").values()).extracting(JsonValue::text).containsExactly("true", "false", "");
        assertThat(value.path("page").path("number").asLong()).isEqualTo(2);
        assertThat(value.path("reference")).isEqualTo(JsonValue.NONE);
        assertThat(value.path("missing").path("deeper")).isEqualTo(JsonValue.NONE);
        assertThat(value.path("name").path("not an object")).isEqualTo(JsonValue.NONE);
        assertThat(value.path("missing").text("fallback")).isEqualTo("fallback");
        assertThat(Json.read(Json.write(value))).isEqualTo(value);
        assertThat(Json.write(value))
                .isEqualTo("{\"name\":\"Jürgen \\\"JJ\\\" \uD83D\uDE00\",\"flags\":[true,false,null],"
                        + "\"page\":{\"number\":2,\"totalPages\":10},\"reference\":null}");
    }

    @Test
    void aRepeatedNameKeepsItsLastValue() {
        assertThat(Json.read("{\"a\":1,\"a\":2.50}").path("a").text()).isEqualTo("2.50");
    }

    @Test
    void aRequestBodyIsWrittenWithExactAmounts() {
        Map<String, Object> body = Json.account("Ann \"A\"", "DE89", new BigDecimal("1E+3").setScale(2), null);

        assertThat(Json.write(body)).isEqualTo("{\"name\":\"Ann \\\"A\\\"\",\"number\":\"DE89\",\"balance\":1000.00}");
        assertThat(Json.write(Json.cash(new BigDecimal("1E+3"), null))).isEqualTo("{\"amount\":1000}");
        assertThat(Json.write(Json.transfer(9007199254740993L, 5, new BigDecimal("0.10"), "Rent")))
                .isEqualTo("{\"from\":9007199254740993,\"to\":5,\"amount\":0.10,\"reference\":\"Rent\"}");
        assertThat(Json.write(Json.reversal(null))).isEqualTo("{}");
    }

    @Test
    void binaryFloatingPointAndObjectsAreRefusedNotWritten() {
        assertThatThrownBy(() -> Json.write(Map.of("rate", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double 1.5");
        assertThatThrownBy(() -> Json.write(Map.of("rate", 1.5f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Float 1.5");
        assertThatThrownBy(() -> Json.write(Map.of("account", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void textThatIsNotOneJsonValueIsRefused() {
        assertThatThrownBy(() -> Json.read("{\"a\":1} trailing")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("{\"a\":1} {\"b\":2}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("<html>")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("{\"a\":")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("   ")).isInstanceOf(JacksonException.class);
    }
}
