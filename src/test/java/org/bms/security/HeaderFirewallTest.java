package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's quick answer for printable ASCII headers keeps its own rule for every other character. */
class HeaderFirewallTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-123_~+/=", "a\tb", "", "Zoë", "日本", "emoji \uD83D\uDE00"})
    void assignedCharactersWithoutControlsAreLetThrough(String value) {
        HttpServletRequest request = firewalled("X-Test", value);

        assertThat(request.getHeader("X-Test")).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0007b", "a\u007fb", "a\u0085b", "a\u0378b", "\u0000", "a\u001bb"})
    void controlsAndUnassignedCharactersAreRefused(String value) {
        HttpServletRequest request = firewalled("X-Test", value);

        assertThatThrownBy(() -> request.getHeader("X-Test")).isInstanceOf(RequestRejectedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-\tTab", "X-\u0085", "X-\u0378"})
    void aHeaderNameWithAControlOrUnassignedCharacterIsRefused(String name) {
        HttpServletRequest request = firewalled(name, "value");

        assertThatThrownBy(() -> request.getHeader(name)).isInstanceOf(RequestRejectedException.class);
    }

    private HttpServletRequest firewalled(String name, String value) {
        var request = new MockHttpServletRequest("GET", "/accounts");
        request.addHeader(name, value);
        return configuration.httpFirewall().getFirewalledRequest(request);
    }
}
