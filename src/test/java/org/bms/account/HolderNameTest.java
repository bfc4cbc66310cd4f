package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bms.validation.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HolderNameTest {

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(HolderName.parse("  John Doe ").value()).isEqualTo("John Doe");
    }

    @Test
    void everyKindOfSpaceIsTrimmedButOnlyAroundTheName() {
        assertThat(HolderName.parse("\u00a0\u3000John\u00a0Doe\u202f\u2007").value())
                .isEqualTo("John\u00a0Doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë 🦊", "مريم العلي", "Robert'); DROP TABLE account;--", "O'Brien-Åsa"})
    void anyPrintableNameIsKeptVerbatim(String name) {
        assertThat(HolderName.parse(name).value()).isEqualTo(name);
    }

    @Test
    void aHundredCharactersAreCountedAsPeopleCountThem() {
        String hundredEmoji = "🦊".repeat(100);
        assertThat(HolderName.parse(hundredEmoji).value()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> HolderName.parse("a".repeat(101))).hasMessageContaining("at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"John\r\nBcc: x@evil.test", "John\u0000", "Jo\thn", "John\u2028Doe", "John\uD800"})
    void controlCharactersAndLineBreaksAreRefused(String name) {
        assertThatThrownBy(() -> HolderName.parse(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Pay \u202e0001\u202c USD",
                "\u202aJohn",
                "\u202bJohn",
                "\u202dJohn",
                "John\u2066Doe\u2069",
                "\u2067مريم",
                "\u2068John"
            })
    void bidiControlsAreRefused(String name) {
        assertThatThrownBy(() -> HolderName.parse(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("bidirectional control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"שרה כהן", "مريم العلي 2", "Ali \u200fعلي"})
    void rightToLeftLettersAndMarksStayVerbatim(String name) {
        assertThat(HolderName.parse(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0\u00a0", "\u3000", "\u202f", "\u200b", " \u2060\ufeff "})
    void blankNamesAreRefused(String name) {
        assertThatThrownBy(() -> HolderName.parse(name)).hasMessageContaining("blank");
    }
}
