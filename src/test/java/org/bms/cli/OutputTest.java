package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Amounts are printed exactly as the service wrote them: no binary floating point, no trailing zeros lost. */
class OutputTest {

    @Test
    void amountsKeepTheirScaleAndEveryDigit() {
        String text = "{\"usd\":1000.00,\"big\":999999999999999.99,\"yen\":5,\"tiny\":0.000001}";

        JsonValue amounts = Json.read(text);

        assertThat(amounts.path("usd").text()).isEqualTo("1000.00");
        assertThat(amounts.path("big").text()).isEqualTo("999999999999999.99");
        assertThat(amounts.path("yen").text()).isEqualTo("5");
        assertThat(amounts.path("tiny").text()).isEqualTo("0.000001");
        assertThat(Json.write(amounts)).isEqualTo(text);
    }

    @Test
    void jsonIsReadAndWrittenBackAsItCame() {
        String text = "{\"name\":\"J\\u00fcrgen \\\"JJ\\\" \\uD83D\\uDE00\",\"tags\":[true,false,null,{}],"
                + "\"page\":{\"number\":2,\"totalPages\":10}}";

        JsonValue value = Json.read(text);

        assertThat(value.path("name").text()).isEqualTo("Jürgen \"JJ\" \uD83D\uDE00");
        assertThat(value.path("tags").values()).extracting(JsonValue::text).containsExactly("true", "false", "", "{}");
        assertThat(value.path("page").path("number").asLong()).isEqualTo(2);
        assertThat(value.path("missing").path("deeper").isNull()).isTrue();
        assertThat(value.path("missing").text("fallback")).isEqualTo("fallback");
        assertThat(Json.read(Json.write(value))).isEqualTo(value);
    }

    @Test
    void textThatIsNotOneJsonValueIsRefused() {
        assertThatThrownBy(() -> Json.read("{\"a\":1} trailing")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("<html>")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("")).isInstanceOf(JacksonException.class);
    }

    @Test
    void tablesAlignNumbersRight() {
        StringWriter text = new StringWriter();

        new Table("NAME", "TOTAL>").row("a", "1.00").row("bb", "1000.00").print(new PrintWriter(text, true));

        assertThat(text.toString()).isEqualTo("NAME    TOTAL\na        1.00\nbb    1000.00\n");
    }
}
