package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bms.validation.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNumberTest {

    @Test
    void spacesAreRemovedAndLettersUpperCased() {
        assertThat(AccountNumber.parse("de89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300", "123456789"})
    void validNumbersAndIbansAreAccepted(String number) {
        assertThat(AccountNumber.parse(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB00WEST12345698765432"})
    void ibansWithWrongCheckDigitsAreRefused(String number) {
        assertThatThrownBy(() -> AccountNumber.parse(number))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("IBAN");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"12345", "1234567890123456789012345678901234X", "12345-678", "ÄBC123456", "ﬁ123456", "12\t34567"
            })
    void numbersOfTheWrongShapeAreRefused(String number) {
        assertThatThrownBy(() -> AccountNumber.parse(number)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theNumberIsMaskedWhereverItIsPrinted() {
        AccountNumber number = AccountNumber.parse("123456789");
        assertThat(number.masked()).isEqualTo("*****6789");
        assertThat(number.toString()).isEqualTo("*****6789");
    }
}
