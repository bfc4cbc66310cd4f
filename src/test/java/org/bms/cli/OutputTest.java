package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Amounts are printed exactly as the service wrote them: no binary floating point, no trailing zeros lost. */
class OutputTest {

    @Test
    void amountsKeepTheirScaleAndEveryDigit() {
        JsonNode amounts = Json.MAPPER.readTree("{\"usd\":1000.00,\"big\":999999999999999.99,\"yen\":5}");

        assertThat(Output.text(amounts.path("usd"))).isEqualTo("1000.00");
        assertThat(Output.text(amounts.path("big"))).isEqualTo("999999999999999.99");
        assertThat(Output.text(amounts.path("yen"))).isEqualTo("5");
        assertThat(Json.MAPPER.writeValueAsString(amounts))
                .isEqualTo("{\"usd\":1000.00,\"big\":999999999999999.99,\"yen\":5}");
    }

    @Test
    void tablesAlignNumbersRight() {
        StringWriter text = new StringWriter();

        new Table("NAME", "TOTAL>").row("a", "1.00").row("bb", "1000.00").print(new PrintWriter(text, true));

        assertThat(text.toString()).isEqualTo("NAME    TOTAL\na        1.00\nbb    1000.00\n");
    }
}
