package org.bms.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.bms.validation.InvalidInputException;
import org.bms.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-Match and If-None-Match as RFC 9110 has them, against an account at version 3. */
class PreconditionsTest {

    @Test
    void noHeadersOrAStarIfMatchAllowAnyVersion() {
        assertThatCode(() -> Preconditions.of(null, null).check(1, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.of("*", null).check(1, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.NONE.check(1, 3)).doesNotThrowAnyException();
    }

    @Test
    void ifMatchAllowsOnlyAVersionItNamesStrongly() {
        assertThatCode(() -> Preconditions.of("\"3\"", null).check(1, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.of("\"1\", \"3\"", null).check(1, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Preconditions.of("\"2\"", null).check(1, 3))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("If-Match: \"3\"");
        assertThatThrownBy(() -> Preconditions.of("W/\"3\"", null).check(1, 3))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void ifNoneMatchRefusesAVersionItNamesEvenWeaklyAndStarRefusesAll() {
        assertThatCode(() -> Preconditions.of(null, "\"2\"").check(1, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Preconditions.of(null, "\"3\"").check(1, 3))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("version 3");
        assertThatThrownBy(() -> Preconditions.of(null, "W/\"3\"").check(1, 3))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> Preconditions.of(null, "*").check(1, 3))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("*");
    }

    @Test
    void ifMatchIsCheckedFirst() {
        assertThatThrownBy(() -> Preconditions.of("\"2\"", "*").check(1, 3)).isInstanceOf(StaleVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "abc", "\"3\" junk", "*, \"3\"", "\"3\" \"4\"", "W/3", "\"a b\""})
    void malformedHeadersAreRefused(String header) {
        assertThatThrownBy(() -> Preconditions.of(header, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Preconditions.of(null, header))
                .asInstanceOf(InstanceOfAssertFactories.type(InvalidInputException.class))
                .extracting(InvalidInputException::violations, InstanceOfAssertFactories.list(Violation.class))
                .extracting(Violation::field)
                .containsExactly("If-None-Match");
    }
}
