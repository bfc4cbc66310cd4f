package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RecentTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final List<String> checked = new ArrayList<>();

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        var tokens = new RecentTokens(expiringAt(NOW.plusSeconds(600)), SKEW, Clock.fixed(NOW, ZoneOffset.UTC));

        var first = (JwtAuthenticationToken) tokens.authenticate(new BearerTokenAuthenticationToken("token-a"));
        var second = (JwtAuthenticationToken) tokens.authenticate(new BearerTokenAuthenticationToken("token-a"));
        tokens.authenticate(new BearerTokenAuthenticationToken("token-b"));

        assertThat(checked).containsExactly("token-a", "token-b");
        assertThat(second.getToken()).isSameAs(first.getToken());
        assertThat(second.getName()).isEqualTo("teller");
        assertThat(second.getAuthorities()).containsExactly(Role.TELLER);
        // Each request its own authentication: nothing set on one request's shows in another's.
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void aRememberedTokenPastItsExpiryAndTheSkewIsCheckedAgain() {
        var clock = new MovableClock(NOW);
        var tokens = new RecentTokens(expiringAt(NOW.plusSeconds(10)), SKEW, clock);
        tokens.authenticate(new BearerTokenAuthenticationToken("token-a"));

        clock.now = NOW.plusSeconds(10).plus(SKEW);
        tokens.authenticate(new BearerTokenAuthenticationToken("token-a"));
        assertThat(checked).hasSize(1);

        clock.now = NOW.plusSeconds(11).plus(SKEW);
        tokens.authenticate(new BearerTokenAuthenticationToken("token-a"));
        assertThat(checked).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        AuthenticationProvider refusing = provider(bearer -> {
            checked.add(bearer.getToken());
            throw new InvalidBearerTokenException("bad signature");
        });
        var tokens = new RecentTokens(refusing, SKEW, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.authenticate(new BearerTokenAuthenticationToken("forged")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> tokens.authenticate(new BearerTokenAuthenticationToken("forged")))
                .isInstanceOf(InvalidBearerTokenException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    private AuthenticationProvider expiringAt(Instant expiresAt) {
        return provider(bearer -> {
            checked.add(bearer.getToken());
            Jwt jwt = Jwt.withTokenValue(bearer.getToken())
                    .header("alg", "HS256")
                    .subject("teller")
                    .issuedAt(NOW.minusSeconds(1))
                    .expiresAt(expiresAt)
                    .build();
            return new JwtAuthenticationToken(jwt, List.of(Role.TELLER), jwt.getSubject());
        });
    }

    private static AuthenticationProvider provider(Function<BearerTokenAuthenticationToken, Authentication> check) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return check.apply((BearerTokenAuthenticationToken) authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
