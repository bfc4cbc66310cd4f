package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The header is read exactly as Spring Security's own resolver reads it: the same token, or the same refusal. */
class BearerHeaderTest {

    private final BearerHeader resolver = new BearerHeader();
    private final DefaultBearerTokenResolver springs = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc.DEF-123_~+/",
                "bearer abc",
                "BEARER a.b.c==",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2ln",
                "Bearer a=b",
                "Bearer ==",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer\tabc",
                "Bearerabc",
                "Bearer abc,def",
                "Bearer zoë",
                "Bearer abc\u0000",
                "Basic dXNlcjpwYXNz",
                "DPoP abc",
                "Bear abc",
                ""
            })
    void readsTheHeaderAsSpringSecurityDoes(String header) {
        var request = new MockHttpServletRequest("GET", "/accounts/1");
        request.addHeader("Authorization", header);

        assertThat(outcome(() -> resolver.resolve(request))).isEqualTo(outcome(() -> springs.resolve(request)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a.b.c", "bearer a-b_c~d+e/f=="})
    void aWellFormedTokenIsReturnedWhole(String header) {
        var request = new MockHttpServletRequest("GET", "/accounts/1");
        request.addHeader("Authorization", header);

        assertThat(resolver.resolve(request)).isEqualTo(header.substring("Bearer ".length()));
    }

    @Test
    void aTokenInTheQueryIsNotTaken() {
        var request = new MockHttpServletRequest("GET", "/accounts/1");
        request.setParameter("access_token", "abc");

        assertThat(resolver.resolve(request)).isNull();
    }

    /** The token, "no token", or the OAuth 2 error the header earned. */
    private static String outcome(Supplier<String> resolve) {
        try {
            String token = resolve.get();
            return token == null ? "no token" : "token " + token;
        } catch (OAuth2AuthenticationException refused) {
            return "refused: " + refused.getError().getErrorCode() + " "
                    + refused.getError().getDescription();
        }
    }
}
