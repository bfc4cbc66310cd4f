package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The client's JSON: numbers keep the scale and every digit the service wrote; text comes back as it went. */
class JsonTest {

    @Test
    void amountsKeepTheirScaleAndEveryDigit() {
        String text = "{\"usd\":1000.00,\"big\":999999999999999.99,\"yen\":5,\"tiny\":0.000001}";

        JsonValue amounts = Json.read(text);

        assertThat(amounts.path("usd").text()).isEqualTo("1000.00");
        assertThat(amounts.path("big").text()).isEqualTo("999999999999999.99");
        assertThat(amounts.path("yen").text()).isEqualTo("5");
        assertThat(amounts.path("tiny").decimal()).isEqualTo(new BigDecimal("0.000001"));
        assertThat(Json.write(amounts)).isEqualTo(text);
    }

    @Test
    void valuesAreReadAndWrittenBackAsTheyCame() {
        String text = "{\"name\":\"J\\u00fcrgen \\\"JJ\\\" \\uD83D\\uDE00\",\"flags\":[true,false,null],"
                + "\"page\":{\"number\":2,\"totalPages\":10}}";

        JsonValue value = Json.read(text);

        assertThat(value.path("name").text()).isEqualTo("Jürgen \"JJ\" \uD83D\uDE00");
        assertThat(value.path("flags").values()).extracting(JsonValue::text).containsExactly("true", "false", "");
        assertThat(value.path("page").path("number").asLong()).isEqualTo(2);
        assertThat(value.path("missing").path("deeper")).isEqualTo(JsonValue.NONE);
        assertThat(value.path("name").path("not an object")).isEqualTo(JsonValue.NONE);
        assertThat(value.path("missing").text("fallback")).isEqualTo("fallback");
        assertThat(Json.read(Json.write(value))).isEqualTo(value);
    }

    @Test
    void aRequestBodyIsWrittenWithExactAmounts() {
        Map<String, Object> body = Json.account("Ann \"A\"", "DE89", new BigDecimal("1E+3").setScale(2), null);

        assertThat(Json.write(body)).isEqualTo("{\"name\":\"Ann \\\"A\\\"\",\"number\":\"DE89\",\"balance\":1000.00}");
        assertThatThrownBy(() -> Json.write(Map.of("rate", 1.5d))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of("id", 5L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatIsNotOneJsonValueIsRefused() {
        assertThatThrownBy(() -> Json.read("{\"a\":1} trailing")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("<html>")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("{\"a\":")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("")).isInstanceOf(JacksonException.class);
    }
}
