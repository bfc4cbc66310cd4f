package org.bms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RecentTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final List<String> checked = new ArrayList<>();

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        var tokens = new RecentTokens(expiringAt(NOW.plusSeconds(600)), SKEW, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenPastItsExpiryAndTheSkewIsCheckedAgain() {
        var clock = new MovableClock(NOW);
        var tokens = new RecentTokens(expiringAt(NOW.plusSeconds(10)), SKEW, clock);
        tokens.decode("token-a");

        clock.now = NOW.plusSeconds(10).plus(SKEW);
        tokens.decode("token-a");
        assertThat(checked).hasSize(1);

        clock.now = NOW.plusSeconds(11).plus(SKEW);
        tokens.decode("token-a");
        assertThat(checked).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        JwtDecoder refusing = token -> {
            checked.add(token);
            throw new BadJwtException("bad signature");
        };
        var tokens = new RecentTokens(refusing, SKEW, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    private JwtDecoder expiringAt(Instant expiresAt) {
        return token -> {
            checked.add(token);
            return Jwt.withTokenValue(token)
                    .header("alg", "HS256")
                    .subject("teller")
                    .issuedAt(NOW.minusSeconds(1))
                    .expiresAt(expiresAt)
                    .build();
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
