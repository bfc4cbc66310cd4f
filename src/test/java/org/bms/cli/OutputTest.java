package org.bms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables for a person: amounts exactly as the service wrote them, numbers aligned right. */
class OutputTest {

    @Test
    void accountsArePrintedWithTheirAmountsAsTheServiceWroteThem() {
        StringWriter text = new StringWriter();
        JsonValue account = Json.read("{\"id\":7,\"name\":\"Ann\",\"number\":\"123456\",\"balance\":1000.00,"
                + "\"currency\":\"USD\",\"status\":\"ACTIVE\",\"version\":3}");

        new Output(new PrintWriter(text, true), false).accounts(List.of(account));

        assertThat(text.toString())
                .isEqualTo("ID  NAME  NUMBER  BALANCE  CURRENCY  STATUS  VERSION\n"
                        + " 7  Ann   123456  1000.00  USD       ACTIVE        3\n");
    }

    @Test
    void tablesAlignNumbersRight() {
        StringWriter text = new StringWriter();

        new Table("NAME", "TOTAL>").row("a", "1.00").row("bb", "1000.00").print(new PrintWriter(text, true));

        assertThat(text.toString()).isEqualTo("NAME    TOTAL\na        1.00\nbb    1000.00\n");
    }
}
