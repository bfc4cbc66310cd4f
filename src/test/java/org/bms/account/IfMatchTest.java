package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bms.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @Test
    void noHeaderOrAStarMatchesAnyVersion() {
        assertThat(IfMatch.parse(null).matches(7)).isTrue();
        assertThat(IfMatch.parse("*").matches(7)).isTrue();
    }

    @Test
    void aQuotedVersionMatchesOnlyThatVersion() {
        IfMatch condition = IfMatch.parse("\"3\"");
        assertThat(condition.matches(3)).isTrue();
        assertThat(condition.matches(4)).isFalse();
    }

    @Test
    void anyTagOfAListMayMatch() {
        assertThat(IfMatch.parse("\"1\", \"4\"").matches(4)).isTrue();
    }

    @Test
    void weakTagsNeverMatchBecauseWritesNeedStrongComparison() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "abc", "\"3\" junk"})
    void malformedHeadersAreRefused(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOf(InvalidInputException.class);
    }
}
